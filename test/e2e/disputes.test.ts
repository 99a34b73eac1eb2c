import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedDeparted, seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

const design = '电力设计院';
const infoTech = '信息工程院';

let api: Api;
let coordinator: Staff;
let leader: Staff;
let finance: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherManager: Staff;
let filer: Staff;
let filerColleague: Staff;
let againstStaff: Staff;
let otherDeptStaff: Staff;
let departed: Staff;
let keyAccountId: string;
/** Filed by `filer` (电力设计院) against 信息工程院 about the key account; never decided. */
let disputeId: string;

const file = async (as: string, body: Record<string, unknown> = {}) => {
  const reply = await api.call('POST', '/v1/disputes', as, {
    body: { accountId: keyAccountId, subject: '商机归属争议', description: '两个部门同时跟进同一商机', ...body },
  });
  if (reply.status !== 201) throw new Error(`file dispute: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; version: number };
};

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator'], { department: '市场协同小组' });
  leader = await seedStaff(['leadership'], { department: '公司领导' });
  finance = await seedStaff(['finance'], { department: '财务部' });
  contactLeader = await seedStaff(['contact_leader'], { department: '政企客户部' });
  manager = await seedTrainedSalesManager();
  otherManager = await seedStaff(['sales_manager'], { department: '市场二部' });
  filer = await seedStaff(['department_staff'], { department: design });
  filerColleague = await seedStaff(['department_staff'], { department: design });
  againstStaff = await seedStaff(['department_staff'], { department: infoTech });
  otherDeptStaff = await seedStaff(['department_staff'], { department: '水利院' });
  departed = await seedDeparted(['department_staff', 'coordinator']);
  keyAccountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
  disputeId = (await file(filer.id, { againstDepartment: infoTech })).id;
});
afterAll(() => api.close());

type Who =
  | 'filerDept'
  | 'otherDept'
  | 'againstDept'
  | 'accountManager'
  | 'accountLeader'
  | 'otherManager'
  | 'coordinator'
  | 'leadership'
  | 'finance'
  | 'departed';
const caller = (who: Who): string =>
  ({
    filerDept: filerColleague,
    otherDept: otherDeptStaff,
    againstDept: againstStaff,
    accountManager: manager,
    accountLeader: contactLeader,
    otherManager,
    coordinator,
    leadership: leader,
    finance,
    departed,
  })[who].id;

interface Request {
  method: string;
  path: string;
  body?: unknown;
}

const onlyCoordinator = (status: number): Record<Who, number> => ({
  filerDept: 403, otherDept: 403, againstDept: 403, accountManager: 403, accountLeader: 403,
  otherManager: 403, coordinator: status, leadership: 403, finance: 403, departed: 403,
});

/** Each case builds a fresh request and says who gets what. */
const matrix: { route: string; build: () => Promise<Request>; expect: Record<Who, number> }[] = [
  {
    route: 'POST /v1/disputes',
    build: async () => ({ method: 'POST', path: '/v1/disputes', body: { accountId: keyAccountId, subject: '项目交付归属', description: '谁来交付' } }),
    expect: {
      filerDept: 201, otherDept: 201, againstDept: 201, accountManager: 201, accountLeader: 201,
      otherManager: 201, coordinator: 201, leadership: 201, finance: 403, departed: 403,
    },
  },
  {
    route: 'GET /v1/disputes/{id}',
    build: async () => ({ method: 'GET', path: `/v1/disputes/${disputeId}` }),
    expect: {
      // Those who know the account (another sales manager, finance) are refused (403); strangers are not told (404).
      filerDept: 200, otherDept: 404, againstDept: 200, accountManager: 200, accountLeader: 200,
      otherManager: 403, coordinator: 200, leadership: 200, finance: 403, departed: 403,
    },
  },
  {
    route: 'GET /v1/disputes?accountId=',
    build: async () => ({ method: 'GET', path: `/v1/disputes?accountId=${keyAccountId}` }),
    expect: {
      filerDept: 200, otherDept: 200, againstDept: 200, accountManager: 200, accountLeader: 200,
      otherManager: 200, coordinator: 200, leadership: 200, finance: 403, departed: 403,
    },
  },
  {
    route: 'GET /v1/disputes?status=open (across accounts)',
    build: async () => ({ method: 'GET', path: '/v1/disputes?status=open' }),
    expect: { ...onlyCoordinator(200), leadership: 200 },
  },
  {
    route: 'POST /v1/disputes/{id}/decision',
    build: async () => ({ method: 'POST', path: `/v1/disputes/${(await file(filer.id)).id}/decision`, body: { decision: '归电力设计院', inFavourOf: 'filer' } }),
    expect: onlyCoordinator(201),
  },
];

describe.each(matrix)('$route: who may call it', ({ build, expect: expected }) => {
  it.each(Object.entries(expected) as [Who, number][])('%s → %i', async (who, status) => {
    // Prepare
    const request = await build();
    // Act
    const reply = await api.call(request.method, request.path, caller(who), { body: request.body });
    // Assess
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    // Another sales manager reading a dispute of a key account held by others is told it is owned.
    const owned = who === 'otherManager' && request.method === 'GET' && request.path === `/v1/disputes/${disputeId}`;
    if (status === 403 && who !== 'departed') expect(reply.body.type).toMatch(owned ? /\/account-owned$/ : /\/role-not-allowed$/);
    if (status === 404) expect(reply.body.detail).toBe(`No dispute ${disputeId}`);
  });
});

describe('who sees a dispute in an account’s list', () => {
  const sees: Record<Exclude<Who, 'finance' | 'departed'>, boolean> = {
    filerDept: true, otherDept: false, againstDept: true, accountManager: true, accountLeader: true,
    otherManager: false, coordinator: true, leadership: true,
  };
  it.each(Object.entries(sees) as [Who, boolean][])('%s → %s', async (who, visible) => {
    // Act
    const reply = await api.call('GET', `/v1/disputes?accountId=${keyAccountId}&limit=200`, caller(who));
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((d: { id: string }) => d.id).includes(disputeId)).toBe(visible);
  });

  it('answers 404 to someone with no relation to the account (as its other routes do), and every list holds only what its reader may open', async () => {
    const stranger = await seedStaff(['department_staff'], { department: '无关部门' });
    const none = await api.call('GET', `/v1/disputes?accountId=${keyAccountId}`, stranger.id);
    expect(none.status).toBe(404);
    expect(none.body.detail).toBe(`No account ${keyAccountId}`);
    for (const who of ['otherDept', 'otherManager', 'againstDept'] as const) {
      const listed = (await api.call('GET', `/v1/disputes?accountId=${keyAccountId}&limit=200`, caller(who))).body.items as { id: string }[];
      for (const dispute of listed) expect((await api.call('GET', `/v1/disputes/${dispute.id}`, caller(who))).status).toBe(200);
    }
  });
});

describe('filing', () => {
  it('answers 201 with the open dispute, its Location and ETag, keeping Chinese text and the opportunity as given', async () => {
    // Act
    const reply = await api.call('POST', '/v1/disputes', filer.id, {
      body: { accountId: keyAccountId, opportunityId: 'OPP-01JZ', againstDepartment: infoTech, subject: '“智慧电厂”商机归属', description: '信息工程院绕过大客户经理直接报价' },
    });
    // Assess
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String), accountId: keyAccountId, opportunityId: 'OPP-01JZ', filedBy: filer.id, filedByDepartment: design,
      againstDepartment: infoTech, subject: '“智慧电厂”商机归属', description: '信息工程院绕过大客户经理直接报价',
      status: 'open', filedAt: expect.any(String), decision: null, version: 1,
    });
    expect(reply.headers.get('location')).toBe(`/v1/disputes/${reply.body.id}`);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect((await api.call('GET', `/v1/disputes/${reply.body.id}`, againstStaff.id)).body).toEqual(reply.body);
  });

  it('answers 404 for an account that does not exist and 422 for a dispute against one’s own department', async () => {
    const missing = await api.call('POST', '/v1/disputes', filer.id, { body: { accountId: 'NO-SUCH-ACCOUNT', subject: 's', description: 'd' } });
    expect(missing.status).toBe(404);
    const own = await api.call('POST', '/v1/disputes', filer.id, { body: { accountId: keyAccountId, againstDepartment: design, subject: 's', description: 'd' } });
    expect(own.status).toBe(422);
    expect(own.body.type).toMatch(/\/dispute-against-own-department$/);
    expect(own.body.errors).toEqual([{ path: 'body.againstDepartment', message: 'must be another department than your own' }]);
  });
});

describe('bad input', () => {
  const paths = (body: { errors: { path: string }[] }) => body.errors.map((e) => e.path).sort();

  it('names every bad field of a filing, unknown fields included', async () => {
    const reply = await api.call('POST', '/v1/disputes', filer.id, { body: { accountId: 'not an id!', opportunityId: 7, subject: '   ', colour: 'red' } });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(paths(reply.body)).toEqual(['body.accountId', 'body.colour', 'body.description', 'body.opportunityId', 'body.subject']);
  });

  it('names every bad field of a decision', async () => {
    const reply = await api.call('POST', `/v1/disputes/${disputeId}/decision`, coordinator.id, { body: { decision: '', inFavourOf: 'both', extra: true } });
    expect(reply.status).toBe(400);
    expect(paths(reply.body)).toEqual(['body.decision', 'body.extra', 'body.inFavourOf']);
    expect((await api.call('GET', `/v1/disputes/${disputeId}`, coordinator.id)).body.status).toBe('open');
  });

  it('names bad query fields and a missing body', async () => {
    const query = await api.call('GET', '/v1/disputes?status=closed&limit=0&colour=red', coordinator.id);
    expect(query.status).toBe(400);
    expect(paths(query.body)).toEqual(['query.colour', 'query.limit', 'query.status']);
    const empty = await api.call('POST', '/v1/disputes', filer.id);
    expect(empty.status).toBe(400);
    expect(paths(empty.body)).toEqual(['body']);
  });
});

describe('listing', () => {
  it('refuses a list across accounts to all but the coordination group and leadership, pointing to accountId', async () => {
    const reply = await api.call('GET', '/v1/disputes', manager.id);
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toMatch(/accountId/);
  });

  it('answers 404 for an account that does not exist', async () => {
    expect((await api.call('GET', '/v1/disputes?accountId=NO-SUCH-ACCOUNT', coordinator.id)).status).toBe(404);
  });

  it('pages through the open disputes newest first, each once, open ones only', async () => {
    // Prepare
    const mine = [await file(otherManager.id), await file(otherManager.id), await file(otherManager.id)];
    // Act
    const seen: { id: string; filedAt: string; status: string }[] = [];
    let cursor: string | null = null;
    do {
      const reply = await api.call('GET', `/v1/disputes?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`, leader.id);
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...reply.body.items);
      cursor = reply.body.nextCursor;
    } while (cursor !== null);
    // Assess
    expect(new Set(seen.map((d) => d.id)).size).toBe(seen.length);
    expect(seen.every((d) => d.status === 'open')).toBe(true);
    expect(seen.map((d) => `${d.filedAt}#${d.id}`)).toEqual(seen.map((d) => `${d.filedAt}#${d.id}`).sort().reverse());
    expect(seen.map((d) => d.id).filter((id) => mine.some((m) => m.id === id))).toEqual(mine.map((m) => m.id).reverse());
  });

  it('refuses a cursor from another list with 400', async () => {
    const accountPage = await api.call('GET', `/v1/disputes?accountId=${keyAccountId}&limit=1`, coordinator.id);
    expect(accountPage.body.nextCursor).toEqual(expect.any(String));
    const replay = await api.call('GET', `/v1/disputes?status=open&limit=1&cursor=${accountPage.body.nextCursor}`, coordinator.id);
    expect(replay.status).toBe(400);
    expect(replay.body.errors).toEqual([{ path: 'query.cursor', message: 'not a valid cursor for this list' }]);
  });
});

describe('decision', () => {
  it('records the binding decision once, visible to both sides; a second decision is a 409 that changes nothing', async () => {
    // Prepare
    const filed = await file(filer.id, { againstDepartment: infoTech });
    // Act
    const decided = await api.call('POST', `/v1/disputes/${filed.id}/decision`, coordinator.id, {
      body: { decision: '商机归电力设计院，信息工程院配合交付', inFavourOf: 'filer' },
    });
    // Assess
    expect(decided.status).toBe(201);
    expect(decided.headers.get('location')).toBe(`/v1/disputes/${filed.id}`);
    expect(decided.headers.get('etag')).toBe('"2"');
    expect(decided.body).toMatchObject({
      id: filed.id,
      status: 'decided',
      decision: { text: '商机归电力设计院，信息工程院配合交付', inFavourOf: 'filer', decidedBy: coordinator.id, decidedOn: todayInShanghai() },
      version: 2,
    });
    for (const side of [filer, filerColleague, againstStaff, manager, contactLeader, leader]) {
      expect((await api.call('GET', `/v1/disputes/${filed.id}`, side.id)).body, side.department).toEqual(decided.body);
    }
    expect((await api.call('GET', `/v1/disputes/${filed.id}`, otherDeptStaff.id)).status).toBe(404);

    const listed = async (query: string, as = coordinator.id) =>
      ((await api.call('GET', `/v1/disputes?${query}&limit=200`, as)).body.items as { id: string }[]).map((d) => d.id);
    expect(await listed('status=open')).not.toContain(filed.id);
    expect(await listed('status=decided')).toContain(filed.id);
    expect(await listed(`accountId=${keyAccountId}&status=decided`, manager.id)).toContain(filed.id);
    expect(await listed(`accountId=${keyAccountId}&status=open`, againstStaff.id)).not.toContain(filed.id);

    const again = await api.call('POST', `/v1/disputes/${filed.id}/decision`, coordinator.id, { body: { decision: '改判', inFavourOf: 'other_side' } });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/\/dispute-already-decided$/);
    expect((await api.call('GET', `/v1/disputes/${filed.id}`, filer.id)).body).toEqual(decided.body);
  });

  it('answers 404 when deciding a dispute that does not exist', async () => {
    expect((await api.call('POST', '/v1/disputes/NO-SUCH-DISPUTE/decision', coordinator.id, { body: { decision: 'x', inFavourOf: 'neither' } })).status).toBe(404);
  });

  it('lets exactly one of 20 racing decisions win; the rest get 409 and the record is the winner’s', async () => {
    // Prepare
    const filed = await file(filer.id, { againstDepartment: infoTech });
    const sides = ['filer', 'other_side', 'neither'] as const;
    // Act
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.call('POST', `/v1/disputes/${filed.id}/decision`, coordinator.id, { body: { decision: `裁决 ${i}`, inFavourOf: sides[i % 3] } }),
      ),
    );
    // Assess
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = replies.find((r) => r.status === 201)?.body;
    expect((await api.call('GET', `/v1/disputes/${filed.id}`, filer.id)).body).toEqual(winner);
    expect((await listAuditTrail('dispute', filed.id)).map((entry) => entry.action)).toEqual(['create', 'decide']);
  });
});
