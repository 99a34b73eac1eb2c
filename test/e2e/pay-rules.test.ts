import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { closedResult, closeRun } from '#test/support/close.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
let leader: Staff;
let finance: Staff;
let department: Staff;
let manager: Staff;
let contactLeader: Staff;

const grades = [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }];

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  leader = await seedStaff(['leadership']);
  finance = await seedStaff(['finance']);
  department = await seedStaff(['department_staff'], { department: '交付一部' });
  manager = await seedTrainedSalesManager();
  contactLeader = await seedStaff(['contact_leader'], { department: '市场部' });
});
afterAll(() => api.close());

describe('pay policies', () => {
  it('takes pay.md’s defaults for what is omitted, returns rates as decimal strings, and versions changes with If-Match', async () => {
    const created = await api.call('PUT', '/v1/pay-policies/2030', leader.id, { body: { grades, attainmentCap: 1.6, weights: { contract: '0.50', collection: 0.3, management: '0.20' } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      year: 2030, version: 1, attainmentCap: '1.6', weights: { contract: '0.50', collection: '0.3', management: '0.20' },
      tiers: [
        { tier: 'not_completed', minimum: '0', coefficient: '0' },
        { tier: 'basically_completed', minimum: '0.80', coefficient: '0.8' },
        { tier: 'exceeded', minimum: '1.00', coefficient: '1.2' },
        { tier: 'outstanding', minimum: '1.20', coefficient: '1.5' },
      ],
      visitRules: { contactLeaderPerYear: 4, salesManagerPerMonth: 1 },
      peerScore: { threshold: '60' },
    });
    expect((await api.call('PUT', '/v1/pay-policies/2030', leader.id, { body: { grades } })).status).toBe(428);
    expect((await api.call('PUT', '/v1/pay-policies/2030', leader.id, { body: { grades }, headers: { 'if-match': '"9"' } })).status).toBe(412);
    const updated = await api.call('PUT', '/v1/pay-policies/2030', coordinator.id, { body: { grades }, headers: { 'if-match': '"1"' } });
    expect(updated.body).toMatchObject({ version: 2, attainmentCap: '1.50' });
    expect((await api.call('GET', '/v1/pay-policies/2030', finance.id)).body.version).toBe(2);
    expect((await api.call('PUT', '/v1/pay-policies/2030', finance.id, { body: { grades } })).status).toBe(403);
  });

  it('refuses tiers out of order, non-positive weights and negative coefficients, naming each field', async () => {
    const reply = await api.call('PUT', '/v1/pay-policies/2031', leader.id, {
      body: {
        grades,
        weights: { contract: 0 },
        tiers: [
          { tier: 'not_completed', minimum: 0, coefficient: 0 },
          { tier: 'basically_completed', minimum: '1.10', coefficient: '-0.8' },
          { tier: 'exceeded', minimum: '1.00', coefficient: '1.2' },
          { tier: 'outstanding', minimum: '1.20', coefficient: '1.5' },
        ],
      },
    });
    expect(reply.status).toBe(400);
    const paths = reply.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.weights.contract', 'body.tiers.1.coefficient', 'body.tiers.2.minimum']));
    expect((await api.call('PUT', '/v1/pay-policies/2031', leader.id, { body: { weights: {} } })).body.errors.map((e: { path: string }) => e.path)).toContain('body.grades');
  });
});

describe('two-way scores', () => {
  it('lets department staff score team members and team members score departments, once each per period, amended with If-Match', async () => {
    const staffScore = await api.call('POST', '/v1/peer-scores', department.id, { body: { period: '2030-Q1', targetStaffId: manager.id, score: 80, comment: '配合积极' } });
    expect(staffScore.status).toBe(201);
    const deptScore = await api.call('POST', '/v1/peer-scores', manager.id, { body: { period: '2030-Q1', targetDepartment: '交付一部', score: 90 } });
    expect(deptScore.status).toBe(201);
    const path = `/v1/peer-scores/2030-Q1/staff/${manager.id}`;
    expect((await api.call('PATCH', path, department.id, { body: { score: 70 } })).status).toBe(428);
    expect((await api.call('PATCH', path, department.id, { body: { score: 70 }, headers: { 'if-match': '"1"' } })).body).toMatchObject({ score: 70, version: 2 });
    expect((await api.call('GET', `/v1/peer-scores?period=2030-Q1&targetStaffId=${manager.id}`, manager.id)).body).toMatchObject({ count: 1, average: '70.0000', scores: [] });
    expect((await api.call('GET', `/v1/peer-scores?period=2030-Q1&targetStaffId=${manager.id}`, coordinator.id)).body.scores).toHaveLength(1);
  });

  it('refuses scoring the wrong side, oneself, one’s own department, or out of 0–100', async () => {
    expect((await api.call('POST', '/v1/peer-scores', manager.id, { body: { period: '2030-Q1', targetStaffId: contactLeader.id, score: 80 } })).status).toBe(403);
    expect((await api.call('POST', '/v1/peer-scores', department.id, { body: { period: '2030-Q1', targetStaffId: finance.id, score: 80 } })).body.type).toMatch(/not-a-team-member$/);
    expect((await api.call('POST', '/v1/peer-scores', contactLeader.id, { body: { period: '2030-Q1', targetDepartment: '市场部', score: 80 } })).body.type).toMatch(/own-department$/);
    const bad = await api.call('POST', '/v1/peer-scores', department.id, { body: { period: '2030-13', targetStaffId: manager.id, targetDepartment: 'x', score: 101 } });
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.period', 'body.score', 'body.targetStaffId']);
  });
});

describe('closing a period', () => {
  it('never lets two closes of one period interleave: one runs, a concurrent one is told it is in progress', async () => {
    await api.call('PUT', '/v1/pay-policies/2032', coordinator.id, { body: { grades } });
    await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id, '2032-01-01');
    const replies = await Promise.all([0, 1, 2].map(() => closeRun(api, '2032-Q1', coordinator.id)));
    const statuses = replies.map((r) => r.status);
    expect(statuses).toContain(202);
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
    for (const reply of replies.filter((r) => r.status === 202)) expect(reply.run?.status).toBe('done');
    for (const reply of replies.filter((r) => r.status === 409)) expect(reply.body.type).toMatch(/close-in-progress$/);
    // Whatever ran, there is one version of each statement.
    const statement = await api.call('GET', `/v1/periods/2032-Q1/statements/${manager.id}`, coordinator.id);
    expect(statement.body.versions).toHaveLength(1);
  });

  it('suggests a talent-pool grade for each sales manager after an annual close, which a coordinator confirms', async () => {
    await closedResult(api, '2032', coordinator.id);
    const pool = await api.call('GET', '/v1/talent-pool?year=2032', leader.id);
    const entry = pool.body.items.find((e: { staffId: string }) => e.staffId === manager.id);
    // No targets, no credits: not completed → grade D suggested.
    expect(entry).toMatchObject({ annualTier: 'not_completed', suggestedGrade: 'D', confirmedGrade: null });
    const confirmed = await api.call('POST', `/v1/talent-pool/2032/${manager.id}/confirmation`, coordinator.id, { body: { grade: 'C' } });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ confirmedGrade: 'C', confirmedBy: coordinator.id });
    // A re-run of the close keeps the confirmed grade.
    await closedResult(api, '2032', coordinator.id);
    expect((await api.call('GET', '/v1/talent-pool?year=2032', coordinator.id)).body.items.find((e: { staffId: string }) => e.staffId === manager.id)).toMatchObject({ confirmedGrade: 'C' });
    expect((await api.call('GET', '/v1/talent-pool?year=2032', manager.id)).status).toBe(403);
  });
});
