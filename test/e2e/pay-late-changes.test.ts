import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { type Api, startApi, type Body, ok, yuan } from '#test/support/api.ts';
import { closedResult } from '#test/support/close.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/*
 * Changes that reach back into a finalised period are not left out of pay: a reassignment
 * dated inside 2026-Q1 after Q1 was finalised moves the account's credit from one sales
 * manager to the other for the days it names, and a change of the year's targets re-prices
 * every finalised quarter of the year. Each is paid once, by the next close, as a late
 * payment is (test/e2e/pay-late.test.ts).
 */
let api: Api;
let coordinator: Staff;
let finance: Staff;
let k: Staff;
let l1: Staff;
let l2: Staff;
let account: string;


beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  const hire = async (name: string, roles: string[]) => ok(await api.call('POST', '/v1/staff', coordinator.id, { body: { name, department: '市场部', roles, grade: 'P6' } })) as Staff;
  finance = await hire('财务', ['finance']);
  k = await hire('联系领导K', ['contact_leader']);
  l1 = await hire('销售经理甲', ['sales_manager']);
  l2 = await hire('销售经理乙', ['sales_manager']);
  for (const who of [l1, l2]) for (const kind of ['basic', 'rotation']) ok(await api.call('POST', `/v1/staff/${who.id}/training`, coordinator.id, { body: { kind, passed: true, completedOn: '2025-06-30' } }));
  ok(await api.call('PUT', '/v1/pay-policies/2026', coordinator.id, {
    body: { grades: [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }] },
  }));
  account = ok(await api.call('POST', '/v1/accounts', coordinator.id, { body: { name: '华信科技', industry: '能源' } })).id;
  ok(await api.call('POST', `/v1/accounts/${account}/designation`, coordinator.id, { body: { contactLeaderId: k.id, salesManagerId: l1.id, effectiveOn: '2026-01-01' } }));
  ok(await api.call('PUT', `/v1/accounts/${account}/targets/2026`, coordinator.id, { body: { contractAmount: yuan(4_000_000), collectionAmount: yuan(3_200_000) } }));
  // Won on 10 March: the credit goes to whoever held the account that day.
  const opportunity = ok(await api.call('POST', '/v1/opportunities', l1.id, { body: { accountId: account, title: '项目', source: 'sales', estimatedAmount: yuan(1_000_000) } }));
  const won = ok(await api.call('POST', `/v1/opportunities/${opportunity.id}/win`, l1.id, { body: { wonOn: '2026-03-10', projects: [{ name: '项目', department: '交付一部', contractAmount: yuan(1_000_000) }] } }));
  const invoice = ok(await api.call('POST', `/v1/projects/${won.projects[0].id}/invoices`, finance.id, { body: { amount: yuan(800_000), issuedOn: '2026-03-10', dueOn: '2026-04-30' } })).id;
  ok(await api.call('POST', `/v1/invoices/${invoice}/payments`, finance.id, { body: { amount: yuan(800_000), receivedOn: '2026-03-20' } }));
  for (const day of ['2026-01-12', '2026-02-09', '2026-03-16']) ok(await api.call('POST', `/v1/accounts/${account}/visits`, l1.id, { body: { type: 'routine_visit', visitedOn: day, summary: '拜访' } }));
  for (const month of ['2026-01', '2026-02', '2026-03']) ok(await api.call('POST', `/v1/accounts/${account}/reports`, l1.id, { body: { month, summary: '月报' } }));
});
afterAll(() => api.close());

const close = (period: string) => closedResult(api, period, coordinator.id);
const statementOf = async (period: string, who: Staff) => ok(await api.call('GET', `/v1/periods/${period}/statements/${who.id}`, coordinator.id), 200);
const q1AdjustmentOf = (statement: Body) => (statement.adjustments as Body[]).filter((a) => a.kind === 'prior_period' && a.period === '2026-Q1');

describe('late changes roll forward, paid exactly once', () => {
  it('re-prices 2026-Q1 when a reassignment dated inside it is recorded after it was finalised: the credit moves with the days, each person paid the difference once', async () => {
    await close('2026-Q1');
    ok(await api.call('POST', '/v1/periods/2026-Q1/finalize', coordinator.id));
    const before = await statementOf('2026-Q1', l1);
    expect(before.assessments.map((a: Body) => a.role)).toEqual(['sales_manager']);
    expect((await api.call('GET', `/v1/periods/2026-Q1/statements/${l2.id}`, coordinator.id)).status).toBe(404);

    // Dated 1 March, recorded now: from then on L2 held the account, the 10 March win included.
    const moved = ok(await api.call('POST', `/v1/accounts/${account}/reassignments`, coordinator.id, {
      body: { role: 'sales_manager', staffId: l2.id, effectiveOn: '2026-03-01', reason: 'customer_request', handover: { items: ['客户档案'] } },
    }));
    expect(moved.opened).toMatchObject({ staffId: l2.id, from: '2026-03-01' });
    await close('2026-Q2');

    const record = { kind: 'assignment', id: `${account}/sales_manager#2026-03-01`, date: '2026-03-01' };
    const fromL1 = q1AdjustmentOf(await statementOf('2026-Q2', l1))[0] as Body;
    const toL2 = q1AdjustmentOf(await statementOf('2026-Q2', l2))[0] as Body;
    expect(fromL1, 'L1 is paid back what 2026-Q1 paid for the days L2 held').toMatchObject({ paidAmount: before.total - (before.adjustments as Body[]).reduce((s, a) => s + a.amount, 0), records: [expect.objectContaining(record)] });
    expect(fromL1.amount).toBeLessThan(0);
    expect(toL2).toMatchObject({ paidAmount: 0, records: [expect.objectContaining(record)] });
    expect(toL2.amount).toBeGreaterThan(0);
    expect(toL2.repricedAmount).toBe(toL2.amount);

    // Closing 2026-Q2 again gives the same; 2026-Q3 carries none for Q1 again once Q2 is final.
    await close('2026-Q2');
    expect(q1AdjustmentOf(await statementOf('2026-Q2', l2))).toEqual([toL2]);
    ok(await api.call('POST', '/v1/periods/2026-Q2/finalize', coordinator.id));
    await close('2026-Q3');
    for (const who of [l1, l2]) {
      const q3 = await api.call('GET', `/v1/periods/2026-Q3/statements/${who.id}`, coordinator.id);
      if (q3.status === 200) expect(q1AdjustmentOf(q3.body as Body), who.name).toEqual([]);
    }
  });

  it('re-prices the finalised quarters of a year whose targets change after they were finalised', async () => {
    const q1 = await statementOf('2026-Q1', k);
    // Half the contract target: K's attainment in 2026-Q1 doubles (capped), so the tier can only rise.
    const current = ok(await api.call('GET', `/v1/accounts/${account}/targets/2026`, coordinator.id), 200);
    ok(await api.call('PUT', `/v1/accounts/${account}/targets/2026`, coordinator.id, { body: { contractAmount: yuan(2_000_000), collectionAmount: yuan(3_200_000) }, headers: { 'if-match': `"${current.version}"` } }), 200);
    await close('2026-Q3');
    const adjustments = q1AdjustmentOf(await statementOf('2026-Q3', k));
    expect(adjustments).toHaveLength(1);
    expect(adjustments[0]).toMatchObject({ records: [expect.objectContaining({ kind: 'targets', id: `${account}/2026`, date: '2026-01-01' })] });
    expect((adjustments[0] as Body).repricedAmount).toBeGreaterThan(q1.total - (q1.adjustments as Body[]).reduce((s: number, a: Body) => s + a.amount, 0));
  });
});
