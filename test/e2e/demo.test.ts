import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSize } from '#local/demo-company.ts';
import { type DemoResult, closedPeriods, fillDemo } from '#local/demo-fill.ts';
import { creditCodeProblem } from '#shared/domain/credit-code.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/** `npm run demo` at a tenth of its size, twice, against a test API. */
const scale = 0.1;
const size = demoSize(scale);
let api: Api;
let first: DemoResult;
let second: DemoResult;

const listAll = async (path: string, as: string) => {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const reply = await api.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor === null ? '' : `&cursor=${cursor}`}`, as);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor !== null);
  return items;
};

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  // Where local mode's bootstrap puts it.
  await seedStaff(['coordinator', 'leadership'], { id: 'admin' });
  const run = () => fillDemo({ baseUrl: api.base, adminId: 'admin', tokenFor: (id) => api.token(id), scale });
  first = await run();
  second = await run();
}, 240_000);
afterAll(() => api.close());

describe('the demo company (npm run demo)', () => {
  it('builds company G through the API: its people, accounts and key accounts', async () => {
    const staff = await listAll('/v1/staff', 'admin');
    const people = size.leadership + size.coordinators + size.contactLeaders + size.salesManagers + size.finance + 5 * size.departmentStaffPerDepartment;
    expect(staff).toHaveLength(people + 1);
    const managers = staff.filter((s) => (s.roles as string[]).includes('sales_manager'));
    expect(managers).toHaveLength(size.salesManagers);
    expect(managers.every((s) => (s.training as { basicPassed: boolean; rotationPassed: boolean }).basicPassed && (s.training as { rotationPassed: boolean }).rotationPassed)).toBe(true);
    const accounts = await listAll('/v1/accounts', 'admin');
    expect(accounts).toHaveLength(size.accounts);
    expect(accounts.every((a) => typeof a.creditCode === 'string' && creditCodeProblem(a.creditCode) === undefined)).toBe(true);
    expect(new Set(accounts.map((a) => a.creditCode)).size).toBe(size.accounts);
    expect(await listAll('/v1/accounts?tier=key', 'admin')).toHaveLength(size.keyAccounts);
    expect(first.counts.staff).toEqual({ created: people, existing: 0 });
    expect(first.counts.accounts).toEqual({ created: size.accounts, existing: 0 });
  });

  it('gives the key accounts a year of business, visits, reports and a dossier', async () => {
    const account = first.keyAccounts[0];
    const manager = account?.salesManagerId ?? '';
    const opportunities = await listAll(`/v1/opportunities?accountId=${account?.id}`, manager);
    expect(opportunities.map((o) => o.stage).sort()).toEqual(['lost', 'open', 'won', 'won', 'won'].sort());
    const pipeline = await api.call('GET', `/v1/accounts/${account?.id}/pipeline`, manager);
    expect(pipeline.status).toBe(200);
    expect(pipeline.body.amounts?.paidAmount ?? pipeline.body.paidAmount).toBeGreaterThan(0);
    const visits = await listAll(`/v1/accounts/${account?.id}/visits?from=2026-01-01&to=2026-12-31`, manager);
    expect(visits.length).toBe(11 + 4);
    const reports = await api.call('GET', `/v1/accounts/${account?.id}/reports?from=2026-01&to=2026-12`, manager);
    expect(reports.body.items).toHaveLength(11);
    const meetings = await listAll('/v1/meetings?type=contact_leader_quarterly_review&from=2026-01-01&to=2026-12-31', 'admin');
    expect(meetings.map((m) => m.heldOn)).toHaveLength(3);
    expect(first.counts.dossierEntries).toEqual({ created: 2 * size.keyAccounts, existing: 0 });
    expect(first.counts.peerScores?.created).toBeGreaterThan(0);
  });

  it('closes and finalises 2026-Q1 to 2026-Q3, each with statements', async () => {
    expect(first.periods).toEqual(closedPeriods.map((period) => ({ period, status: 'final' })));
    const finance = first.people.finance?.[0]?.id ?? '';
    for (const period of closedPeriods) {
      const statements = await listAll(`/v1/periods/${period}/statements`, finance);
      expect(statements.length, period).toBeGreaterThan(0);
      expect(statements.every((s) => s.status === 'final')).toBe(true);
    }
  });

  it('creates nothing on a second run: every record is found, the final periods left alone', async () => {
    for (const [kind, { created, existing }] of Object.entries(second.counts)) {
      expect(created, kind).toBe(0);
      expect(existing, kind).toBe((first.counts[kind]?.created ?? 0) + (first.counts[kind]?.existing ?? 0));
    }
    expect(second.periods).toEqual(first.periods);
    expect(second.keyAccounts.map((a) => a.id)).toEqual(first.keyAccounts.map((a) => a.id));
    expect(await listAll('/v1/staff', 'admin')).toHaveLength(Object.values(first.people).flat().length + 1);
    expect(await listAll('/v1/accounts', 'admin')).toHaveLength(size.accounts);
  });
});
