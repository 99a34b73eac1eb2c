import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedDeparted, seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
let leader: Staff;
let finance: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherManager: Staff;
let departed: Staff;
let keyAccountId: string;
/** A key account of its own for the reassignment row, whose calls change its holder. */
let reassignedId: string;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  leader = await seedStaff(['leadership']);
  finance = await seedStaff(['finance']);
  contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  otherManager = await seedTrainedSalesManager();
  departed = await seedDeparted(['sales_manager', 'coordinator']);
  keyAccountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
  reassignedId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
});
afterAll(() => api.close());

type Who = 'assigned' | 'otherManager' | 'coordinator' | 'leadership' | 'finance' | 'departed';
const caller = (who: Who): string =>
  ({ assigned: manager, otherManager, coordinator, leadership: leader, finance, departed })[who].id;

interface Request {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const version = async (path: string) => String((await api.call('GET', path, coordinator.id)).body.version);
let day = 0;
const nextDay = () => {
  day += 1;
  return new Date(Date.UTC(2026, 1, 1) + day * 86_400_000).toISOString().slice(0, 10);
};

/** Each case builds a fresh request (fresh account, current If-Match) and says who gets what. */
const matrix: { route: string; build: () => Promise<Request>; expect: Record<Who, number> }[] = [
  {
    route: 'POST /v1/accounts',
    build: async () => ({ method: 'POST', path: '/v1/accounts', body: { name: `新客户${Math.random()}`, industry: '金融' } }),
    expect: { assigned: 201, otherManager: 201, coordinator: 201, leadership: 201, finance: 403, departed: 403 },
  },
  {
    route: 'GET /v1/accounts/{id} (key)',
    build: async () => ({ method: 'GET', path: `/v1/accounts/${keyAccountId}` }),
    expect: { assigned: 200, otherManager: 403, coordinator: 200, leadership: 200, finance: 200, departed: 403 },
  },
  {
    route: 'GET /v1/accounts?ownerId=',
    build: async () => ({ method: 'GET', path: `/v1/accounts?ownerId=${manager.id}` }),
    expect: { assigned: 200, otherManager: 403, coordinator: 200, leadership: 200, finance: 200, departed: 403 },
  },
  {
    route: 'PATCH /v1/accounts/{id} (key)',
    build: async () => ({
      method: 'PATCH',
      path: `/v1/accounts/${keyAccountId}`,
      body: { industry: `能源-${Math.random()}` },
      headers: { 'if-match': `"${await version(`/v1/accounts/${keyAccountId}`)}"` },
    }),
    // Leadership does not act on a key account it is not assigned to (domain.md §1).
    expect: { assigned: 200, otherManager: 403, coordinator: 200, leadership: 403, finance: 403, departed: 403 },
  },
  {
    route: 'POST /v1/accounts/{id}/designation',
    build: async () => ({
      method: 'POST',
      path: `/v1/accounts/${(await createAccount(api, coordinator.id)).id}/designation`,
      body: { contactLeaderId: contactLeader.id, salesManagerId: manager.id, effectiveOn: '2026-03-01' },
    }),
    expect: { assigned: 403, otherManager: 403, coordinator: 201, leadership: 403, finance: 403, departed: 403 },
  },
  {
    route: 'POST /v1/accounts/{id}/reassignments',
    build: async () => {
      const current = (await api.call('GET', `/v1/accounts/${reassignedId}`, coordinator.id)).body.salesManagerId;
      return {
        method: 'POST',
        path: `/v1/accounts/${reassignedId}/reassignments`,
        body: { role: 'sales_manager', staffId: current === manager.id ? otherManager.id : manager.id, effectiveOn: nextDay(), reason: 'other', handover: { items: ['档案'] } },
      };
    },
    expect: { assigned: 403, otherManager: 403, coordinator: 201, leadership: 403, finance: 403, departed: 403 },
  },
  {
    route: 'GET /v1/accounts/{id}/assignments',
    build: async () => ({ method: 'GET', path: `/v1/accounts/${keyAccountId}/assignments` }),
    expect: { assigned: 200, otherManager: 403, coordinator: 200, leadership: 200, finance: 200, departed: 403 },
  },
  {
    route: 'PUT /v1/accounts/{id}/targets/{year}',
    build: async () => {
      const existing = await api.call('GET', `/v1/accounts/${keyAccountId}/targets/2026`, coordinator.id);
      return {
        method: 'PUT',
        path: `/v1/accounts/${keyAccountId}/targets/2026`,
        body: { contractAmount: 400_000_000, collectionAmount: 320_000_000 },
        headers: existing.status === 200 ? { 'if-match': `"${existing.body.version}"` } : {},
      };
    },
    // The coordinator's call sets them first (201); leadership's replaces them (200).
    expect: { assigned: 403, otherManager: 403, coordinator: 201, leadership: 200, finance: 403, departed: 403 },
  },
  {
    route: 'GET /v1/accounts/{id}/targets/{year}',
    build: async () => ({ method: 'GET', path: `/v1/accounts/${keyAccountId}/targets/2026` }),
    expect: { assigned: 200, otherManager: 403, coordinator: 200, leadership: 200, finance: 200, departed: 403 },
  },
  {
    route: 'PUT /v1/accounts/{id}/revenue/{year}',
    build: async () => {
      const account = await createAccount(api, coordinator.id);
      return { method: 'PUT', path: `/v1/accounts/${account.id}/revenue/2025`, body: { annualRevenueAmount: 1_000_000 } };
    },
    expect: { assigned: 403, otherManager: 403, coordinator: 201, leadership: 201, finance: 201, departed: 403 },
  },
  {
    route: 'GET /v1/analytics/key-account-candidates',
    build: async () => ({ method: 'GET', path: '/v1/analytics/key-account-candidates?year=2025' }),
    expect: { assigned: 403, otherManager: 403, coordinator: 200, leadership: 200, finance: 403, departed: 403 },
  },
];

describe.each(matrix)('$route: who may call it', ({ build, expect: expected }) => {
  it.each(Object.entries(expected) as [Who, number][])('%s → %i', async (who, status) => {
    const request = await build();
    const reply = await api.call(request.method, request.path, caller(who), { body: request.body, headers: request.headers });
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    if (who === 'otherManager' && status === 403) expect(reply.body.type).toMatch(/(account-owned|role-not-allowed)$/);
  });
});

describe('exclusive ownership', () => {
  it('tells anyone else acting on a key account that it is owned and disputes go to the coordination group', async () => {
    const reply = await api.call('PATCH', `/v1/accounts/${keyAccountId}`, otherManager.id, {
      body: { name: '抢客户' },
      headers: { 'if-match': `"${await version(`/v1/accounts/${keyAccountId}`)}"` },
    });
    expect(reply.status).toBe(403);
    expect(reply.body.type).toMatch(/\/account-owned$/);
    expect(reply.body.detail).toMatch(/coordination group/);
  });

  it('lets a sales manager list only their own accounts', async () => {
    const mine = await api.call('GET', '/v1/accounts', otherManager.id);
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((a: { salesManagerId: string }) => a.salesManagerId === otherManager.id)).toBe(true);
    expect((await api.call('GET', `/v1/accounts?ownerId=${manager.id}`, otherManager.id)).status).toBe(403);
  });
});

describe('designation', () => {
  it('makes the account key with both people, and records their intervals from the effective day', async () => {
    const account = await createAccount(api, coordinator.id);
    const reply = await api.call('POST', `/v1/accounts/${account.id}/designation`, coordinator.id, {
      body: { contactLeaderId: contactLeader.id, salesManagerId: manager.id, effectiveOn: '2026-02-15' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ tier: 'key', contactLeaderId: contactLeader.id, salesManagerId: manager.id, keySince: '2026-02-15', version: 2 });
    const history = await api.call('GET', `/v1/accounts/${account.id}/assignments`, manager.id);
    expect(history.body.items).toEqual([
      { role: 'contact_leader', staffId: contactLeader.id, from: '2026-02-15', to: null, reason: 'designation' },
      { role: 'sales_manager', staffId: manager.id, from: '2026-02-15', to: null, reason: 'designation' },
    ]);
    const again = await api.call('POST', `/v1/accounts/${account.id}/designation`, coordinator.id, {
      body: { contactLeaderId: contactLeader.id, salesManagerId: otherManager.id, effectiveOn: '2026-03-01' },
    });
    expect(again.status).toBe(409);
  });

  it('refuses with 422 an untrained sales manager, someone without the role, or someone departed — naming each', async () => {
    const untrained = await seedStaff(['sales_manager']);
    const account = await createAccount(api, coordinator.id);
    const path = `/v1/accounts/${account.id}/designation`;
    const refuse = async (contactLeaderId: string, salesManagerId: string) =>
      api.call('POST', path, coordinator.id, { body: { contactLeaderId, salesManagerId, effectiveOn: '2026-03-01' } });

    const notTrained = await refuse(contactLeader.id, untrained.id);
    expect(notTrained.status).toBe(422);
    expect(notTrained.body.type).toMatch(/sales-manager-untrained$/);
    expect(notTrained.body.errors).toEqual([{ path: 'body.salesManagerId', message: 'has not passed basic and rotation training' }]);

    const wrongRoles = await refuse(manager.id, contactLeader.id);
    expect(wrongRoles.body.type).toMatch(/person-lacks-role$/);
    expect(wrongRoles.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.contactLeaderId', 'body.salesManagerId', 'body.salesManagerId']);

    const gone = await refuse(contactLeader.id, departed.id);
    expect(gone.status).toBe(422);
    expect(gone.body.type).toMatch(/person-departed$/);
    expect((await api.call('GET', `/v1/accounts/${account.id}`, coordinator.id)).body.tier).toBe('normal');
  });

  it('lets exactly one of 20 racing designations of one account win', async () => {
    const account = await createAccount(api, coordinator.id);
    const managers = [manager, otherManager];
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.call('POST', `/v1/accounts/${account.id}/designation`, coordinator.id, {
          body: { contactLeaderId: contactLeader.id, salesManagerId: managers[i % 2]?.id, effectiveOn: `2026-04-${String(i + 1).padStart(2, '0')}` },
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = replies.find((r) => r.status === 201)?.body;
    const history = (await api.call('GET', `/v1/accounts/${account.id}/assignments`, coordinator.id)).body.items;
    expect(history).toHaveLength(2);
    expect(history.every((a: { from: string }) => a.from === winner.keySince)).toBe(true);
    expect((await api.call('GET', `/v1/accounts/${account.id}`, coordinator.id)).body).toEqual(winner);
  });
});

describe('reassignment', () => {
  it('ends the old interval the day before, opens the new one and keeps the handover form', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id, '2026-01-01');
    const reply = await api.call('POST', `/v1/accounts/${account.id}/reassignments`, coordinator.id, {
      body: {
        role: 'sales_manager', staffId: otherManager.id, effectiveOn: '2026-04-01', reason: 'customer_request',
        handover: { items: ['客户档案', '合同'], openIssues: ['回款逾期'], notes: '客户要求更换' },
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.closed).toEqual({ role: 'sales_manager', staffId: manager.id, from: '2026-01-01', to: '2026-03-31', reason: 'designation' });
    expect(reply.body.opened).toEqual({ role: 'sales_manager', staffId: otherManager.id, from: '2026-04-01', to: null, reason: 'customer_request' });
    expect(reply.body.handover).toMatchObject({ fromStaffId: manager.id, toStaffId: otherManager.id, items: ['客户档案', '合同'], openIssues: ['回款逾期'], recordedBy: coordinator.id });
    expect(reply.body.account.salesManagerId).toBe(otherManager.id);
    // The former manager no longer acts on it; the new one does.
    expect((await api.call('GET', `/v1/accounts/${account.id}`, manager.id)).status).toBe(403);
    expect((await api.call('GET', `/v1/accounts/${account.id}`, otherManager.id)).status).toBe(200);
  });

  it('refuses a date on or before the current holder’s first day, a normal account and an untrained person', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id, '2026-01-10');
    const post = (body: object, id = account.id) => api.call('POST', `/v1/accounts/${id}/reassignments`, coordinator.id, { body });
    const base = { role: 'sales_manager', staffId: otherManager.id, reason: 'unfit', handover: { items: ['档案'] } };
    expect((await post({ ...base, effectiveOn: '2026-01-10' })).body.type).toMatch(/reassignment-before-current$/);
    expect((await post({ ...base, effectiveOn: '2026-02-01', staffId: (await seedStaff(['sales_manager'])).id })).body.type).toMatch(/sales-manager-untrained$/);
    expect((await post({ ...base, effectiveOn: '2026-02-01' }, (await createAccount(api, coordinator.id)).id)).body.type).toMatch(/account-not-key$/);
    expect((await post({ ...base, effectiveOn: '2026-02-01', handover: { items: [] } })).status).toBe(400);
  });
});

describe('departure and reassignment flags', () => {
  it('flags every account a departing person holds, lists them, and clears a flag on reassignment', async () => {
    const leaving = await seedTrainedSalesManager();
    const first = await createKeyAccount(api, coordinator.id, contactLeader.id, leaving.id);
    const second = await createKeyAccount(api, coordinator.id, contactLeader.id, leaving.id);
    expect((await api.call('GET', `/v1/accounts/${first.id}`, leaving.id)).status).toBe(200);

    const left = await api.call('POST', `/v1/staff/${leaving.id}/departure`, coordinator.id, { body: { leftOn: '2026-06-30' } });
    expect(left.status).toBe(201);
    expect((await api.call('GET', `/v1/accounts/${first.id}`, leaving.id)).status).toBe(403);

    const flagged = await api.call('GET', '/v1/accounts?needsReassignment=true&limit=200', coordinator.id);
    const ours = flagged.body.items.filter((a: { id: string }) => [first.id, second.id].includes(a.id));
    expect(ours.map((a: { needsReassignment: string[] }) => a.needsReassignment)).toEqual([['sales_manager'], ['sales_manager']]);

    await api.call('POST', `/v1/accounts/${first.id}/reassignments`, coordinator.id, {
      body: { role: 'sales_manager', staffId: otherManager.id, effectiveOn: '2026-07-01', reason: 'departure', handover: { items: ['档案'] } },
    });
    const after = await api.call('GET', '/v1/accounts?needsReassignment=true&limit=200', coordinator.id);
    expect(after.body.items.map((a: { id: string }) => a.id)).not.toContain(first.id);
    expect(after.body.items.map((a: { id: string }) => a.id)).toContain(second.id);
    expect((await api.call('GET', `/v1/accounts/${first.id}`, coordinator.id)).body.needsReassignment).toEqual([]);
    expect((await api.call('GET', '/v1/accounts?needsReassignment=true', manager.id)).status).toBe(403);
  });
});

describe('credit codes', () => {
  it('refuses an invalid code with 400 and a second account with the same code with 409 naming the first', async () => {
    const bad = await api.call('POST', '/v1/accounts', coordinator.id, { body: { name: '坏码', industry: '通信', creditCode: '914403001922038217' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'body.creditCode', message: 'not a valid unified social credit code: has a wrong check character' }]);
    const first = await api.call('POST', '/v1/accounts', coordinator.id, { body: { name: '腾讯', industry: '互联网', creditCode: '9144030071526726XG' } });
    expect(first.status).toBe(201);
    const second = await api.call('POST', '/v1/accounts', manager.id, { body: { name: '腾讯科技', industry: '互联网', creditCode: '9144030071526726XG' } });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain(first.body.id);
  });
});

describe('targets', () => {
  it('splits equally with the remainder in Q4, takes an explicit split, and needs If-Match once set', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id);
    const path = `/v1/accounts/${account.id}/targets/2026`;
    const created = await api.call('PUT', path, leader.id, { body: { contractAmount: 400_000_003, collectionAmount: 320_000_000 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ split: 'equal', version: 1, quarters: { contract: [100_000_000, 100_000_000, 100_000_000, 100_000_003], collection: [80_000_000, 80_000_000, 80_000_000, 80_000_000] } });
    const explicit = { contractAmount: 100, collectionAmount: 80, quarters: { contract: [10, 20, 30, 40], collection: [0, 0, 40, 40] } };
    expect((await api.call('PUT', path, leader.id, { body: explicit })).status).toBe(428);
    expect((await api.call('PUT', path, leader.id, { body: explicit, headers: { 'if-match': '"7"' } })).status).toBe(412);
    const updated = await api.call('PUT', path, coordinator.id, { body: explicit, headers: { 'if-match': '"1"' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ split: 'explicit', version: 2, quarters: explicit.quarters });
    expect((await api.call('GET', path, manager.id)).body).toEqual(updated.body);
    const wrongSum = await api.call('PUT', path, coordinator.id, { body: { ...explicit, quarters: { ...explicit.quarters, contract: [10, 20, 30, 41] } }, headers: { 'if-match': '"2"' } });
    expect(wrongSum.status).toBe(422);
    expect(wrongSum.body.type).toMatch(/quarters-must-add-up$/);
    const normal = await createAccount(api, coordinator.id);
    expect((await api.call('PUT', `/v1/accounts/${normal.id}/targets/2026`, leader.id, { body: explicit })).body.type).toMatch(/account-not-key$/);
  });
});

describe('key-account candidates', () => {
  it('ranks a year’s revenue and marks the smallest set that brings 80 %, saying which are key already', async () => {
    const year = 2019;
    const amounts = [50_00, 30_00, 10_00, 10_00];
    const ids: string[] = [];
    for (const amount of amounts) {
      const account = amount === 30_00 ? await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id) : await createAccount(api, coordinator.id);
      ids.push(account.id);
      expect((await api.call('PUT', `/v1/accounts/${account.id}/revenue/${year}`, finance.id, { body: { annualRevenueAmount: amount } })).status).toBe(201);
    }
    const reply = await api.call('GET', `/v1/analytics/key-account-candidates?year=${year}&limit=3`, leader.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ year, totalAmount: 100_00, coreSetSize: 2 });
    expect(reply.body.items.map((i: Record<string, unknown>) => [i.accountId, i.share, i.cumulativeShare, i.inCoreSet, i.isKey])).toEqual([
      [ids[0], '0.5000', '0.5000', true, false],
      [ids[1], '0.3000', '0.8000', true, true],
      [expect.any(String), '0.1000', '0.9000', false, false],
    ]);
    const rest = await api.call('GET', `/v1/analytics/key-account-candidates?year=${year}&limit=3&cursor=${reply.body.nextCursor}`, leader.id);
    expect(rest.body.items.map((i: { rank: number }) => i.rank)).toEqual([4]);
    expect(rest.body.nextCursor).toBeNull();
  });
});
