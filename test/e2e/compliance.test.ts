import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as monthlyCompliance } from '#functions/jobs/monthly-compliance.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { lambdaContext, sampleEvent } from '#test/support/events.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
let contactLeader: Staff;
let l: Staff;
let a: string;
let b: string;

/** pay.md's worked example, built through the API: L holds A and B for all of 2026-Q1. */
beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  contactLeader = await seedStaff(['contact_leader']);
  l = await seedTrainedSalesManager();
  a = (await createKeyAccount(api, coordinator.id, contactLeader.id, l.id, '2026-01-01')).id;
  b = (await createKeyAccount(api, coordinator.id, contactLeader.id, l.id, '2026-01-01')).id;
  const visit = (account: string, visitedOn: string, as = l.id, type = 'routine_visit') =>
    api.call('POST', `/v1/accounts/${account}/visits`, as, { body: { type, visitedOn, summary: '拜访' } });
  for (const day of ['2026-01-12', '2026-02-09', '2026-03-16']) await visit(a, day);
  for (const day of ['2026-01-20', '2026-03-02']) await visit(b, day);
  // The contact leader's routine visit does not count; a formal one does.
  await visit(a, '2026-02-01', contactLeader.id, 'routine_visit');
  await visit(b, '2026-02-15', contactLeader.id, 'formal_visit');
  for (const account of [a, b]) {
    for (const month of ['2026-01', '2026-02', '2026-03']) {
      const filed = await api.call('POST', `/v1/accounts/${account}/reports`, l.id, { body: { month, summary: '月报' } });
      expect(filed.status).toBe(201);
    }
  }
});
afterAll(() => api.close());

describe('compliance', () => {
  it('gives the worked example’s figures for L in 2026-Q1: visits 5 of 6, reports 6 of 6, M = 11/12', async () => {
    const reply = await api.call('GET', `/v1/compliance?period=2026-Q1&staffId=${l.id}`, coordinator.id);
    expect(reply.status).toBe(200);
    const [view] = reply.body.people;
    expect(view).toMatchObject({
      staffId: l.id,
      role: 'sales_manager',
      visits: { required: 6, done: 5, counted: 5, missing: 1, ratio: '0.8333' },
      reports: { required: 6, done: 6, counted: 6, missing: 0, ratio: '1.0000' },
      management: '0.9167',
    });
    const rows = Object.fromEntries(view.accounts.map((r: { accountId: string }) => [r.accountId, r]));
    expect(rows[a]).toMatchObject({ f: '1.0000', visitsRequired: 3, visitsDone: 3, visitsMissing: 0, reportsMissing: 0, monthsWithoutReport: [] });
    expect(rows[b]).toMatchObject({ visitsRequired: 3, visitsDone: 2, visitsMissing: 1 });
  });

  it('lets a salesperson see only their own; the contact leader’s routine visits do not count', async () => {
    expect((await api.call('GET', `/v1/compliance?period=2026-Q1&staffId=${l.id}`, contactLeader.id)).status).toBe(403);
    const own = await api.call('GET', '/v1/compliance?period=2026-Q1', contactLeader.id);
    const [view] = own.body.people;
    expect(view.role).toBe('contact_leader');
    // 4 a year × 1 quarter ÷ 4 × f 1 = 1 required per account; only the formal visit on B counts.
    expect(view.visits).toMatchObject({ required: 2, done: 1, counted: 1, missing: 1 });
    expect(view.meetings).toMatchObject({ required: 1, done: 0, missing: 1 });
    expect((await api.call('GET', '/v1/compliance?period=2026-Q5', l.id)).body.errors[0].path).toBe('query.period');
  });

  it('shows every key account with its people, and each body’s meeting cadence', async () => {
    await api.call('POST', '/v1/meetings', coordinator.id, { body: { type: 'coordination_monthly', heldOn: '2026-01-28', attendeeIds: [coordinator.id] } });
    const reply = await api.call('GET', '/v1/compliance?period=2026-Q1', coordinator.id);
    expect(reply.body.accounts.map((x: { accountId: string }) => x.accountId).sort()).toEqual([a, b].sort());
    const rowsOfB = reply.body.accounts.find((x: { accountId: string }) => x.accountId === b).rows;
    expect(rowsOfB.map((r: { role: string; staffId: string }) => [r.role, r.staffId]).sort()).toEqual([['contact_leader', contactLeader.id], ['sales_manager', l.id]].sort());
    expect(reply.body.bodies).toEqual([
      { body: 'leadership', meetingType: 'leadership_semiannual_review', required: 0, held: 0, missing: 0, absent: [] },
      { body: 'contact_leaders', meetingType: 'contact_leader_quarterly_review', required: 1, held: 0, missing: 1, absent: [contactLeader.id] },
      // The coordinator came to the one meeting held of the three due: still short of what was due.
      { body: 'coordination_group', meetingType: 'coordination_monthly', required: 3, held: 1, missing: 2, absent: [coordinator.id] },
      // The executive forum falls due once a year, in the period that ends it: not in Q1.
      { body: 'coordination_group', meetingType: 'executive_forum', required: 0, held: 0, missing: 0, absent: [] },
    ]);
    const year = await api.call('GET', '/v1/compliance?period=2026', coordinator.id);
    expect(year.body.bodies[3]).toEqual({ body: 'coordination_group', meetingType: 'executive_forum', required: 1, held: 0, missing: 1, absent: [coordinator.id] });
    await api.call('POST', '/v1/meetings', coordinator.id, { body: { type: 'contact_leader_quarterly_review', heldOn: '2026-03-30', attendeeIds: [contactLeader.id] } });
    const after = await api.call('GET', '/v1/compliance?period=2026-Q1', coordinator.id);
    expect(after.body.bodies[1]).toMatchObject({ held: 1, missing: 0, absent: [] });
  });
});

describe('the monthly compliance job', () => {
  it('stores last month’s gaps as alerts, and running it twice for one month stores one set', async () => {
    // The sample schedule event fires at 01:00 on 1 March in Shanghai: it checks February.
    const first = await monthlyCompliance(sampleEvent('scheduled-monthly-compliance.json'), lambdaContext('monthly'));
    const second = await monthlyCompliance(sampleEvent('scheduled-monthly-compliance.json'), lambdaContext('monthly'));
    expect(first).toMatchObject({ month: '2026-02', accounts: 2 });
    expect(second).toMatchObject({ month: '2026-02', alerts: first.alerts });
    // In February L visited A once and B not at all: one visit alert, on B.
    const alerts = await api.call('GET', `/v1/alerts?staffId=${l.id}&month=2026-02`, l.id);
    expect(alerts.body.items).toEqual([expect.objectContaining({ accountId: b, kind: 'visits', required: 1, done: 0, missing: 1, month: '2026-02' })]);
    expect((await api.call('GET', `/v1/alerts?staffId=${l.id}`, contactLeader.id)).status).toBe(403);

    // A gap closed since the first run disappears on the next.
    await api.call('POST', `/v1/accounts/${b}/visits`, l.id, { body: { type: 'routine_visit', visitedOn: '2026-02-27', summary: '补访' } });
    const third = await monthlyCompliance({ job: 'monthly-compliance', month: '2026-02' }, lambdaContext('monthly'));
    expect(third).toMatchObject({ alerts: (first.alerts as number) - 1 });
    expect((await api.call('GET', `/v1/alerts?staffId=${l.id}&month=2026-02`, coordinator.id)).body.items).toEqual([]);
  });

  it('refuses a malformed schedule input, so the scheduler retries and dead-letters it', async () => {
    await expect(monthlyCompliance({ job: 'monthly-compliance', month: '2026-13' }, lambdaContext('monthly'))).rejects.toThrow();
  });
});
