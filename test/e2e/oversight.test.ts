import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import { addDays, todayInShanghai } from '#shared/domain/dates.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedDeparted, seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

const design = '电力设计院';

let api: Api;
let coordinator: Staff;
let leader: Staff;
let finance: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherManager: Staff;
let reporter: Staff;
let otherDeptStaff: Staff;
let followUpOwner: Staff;
let departed: Staff;
let keyAccountId: string;
/** Recorded by the coordinator with one follow-up for `followUpOwner` and one for `manager`. */
let spotCheckId: string;
/** Reported by `reporter` (电力设计院) on the key account; never acknowledged. */
let matterId: string;

const today = () => todayInShanghai();

const spotCheckBody = (followUps: { ownerId: string }[] = []) => ({
  checkedOn: today(),
  scope: ['dossier', 'visits', 'reports', 'receivables'],
  findings: '二月拜访记录缺失，回款台账未更新',
  rating: 'acceptable',
  followUps: followUps.map((f, i) => ({ action: `整改事项${i + 1}`, ownerId: f.ownerId, dueOn: addDays(today(), 14) })),
});

const recordCheck = async (followUps: { ownerId: string }[] = [], accountId = keyAccountId) => {
  const reply = await api.call('POST', `/v1/accounts/${accountId}/spot-checks`, coordinator.id, { body: spotCheckBody(followUps) });
  if (reply.status !== 201) throw new Error(`record spot check: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; version: number; followUps: { id: string; ownerId: string }[] };
};

const report = async (as: string, body: Record<string, unknown> = {}) => {
  const reply = await api.call('POST', `/v1/accounts/${keyAccountId}/major-matters`, as, {
    body: { occurredOn: today(), category: 'quality', summary: '变电站设备批量质量投诉', ...body },
  });
  if (reply.status !== 201) throw new Error(`report major matter: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; version: number; reportedAt: string };
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
  reporter = await seedStaff(['department_staff'], { department: design });
  otherDeptStaff = await seedStaff(['department_staff'], { department: '水利院' });
  followUpOwner = await seedStaff(['department_staff'], { department: '信息工程院' });
  departed = await seedDeparted(['department_staff', 'coordinator']);
  keyAccountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
  spotCheckId = (await recordCheck([{ ownerId: followUpOwner.id }, { ownerId: manager.id }])).id;
  matterId = (await report(reporter.id)).id;
});
afterAll(() => api.close());

type Who =
  | 'coordinator'
  | 'leadership'
  | 'accountManager'
  | 'accountLeader'
  | 'otherManager'
  | 'reporter'
  | 'otherDept'
  | 'followUpOwner'
  | 'finance'
  | 'departed';
const caller = (who: Who): string =>
  ({
    coordinator,
    leadership: leader,
    accountManager: manager,
    accountLeader: contactLeader,
    otherManager,
    reporter,
    otherDept: otherDeptStaff,
    followUpOwner,
    finance,
    departed,
  })[who].id;

interface Request {
  method: string;
  path: string;
  body?: unknown;
}

const only = (allowed: Partial<Record<Who, number>>, rest: number): Record<Who, number> => ({
  coordinator: rest, leadership: rest, accountManager: rest, accountLeader: rest, otherManager: rest,
  reporter: rest, otherDept: rest, followUpOwner: rest, finance: rest, departed: 403, ...allowed,
});

/** Each case builds a fresh request and says who gets what. */
const matrix: { route: string; build: () => Promise<Request>; expect: Record<Who, number> }[] = [
  {
    route: 'POST /v1/accounts/{id}/spot-checks',
    build: async () => ({ method: 'POST', path: `/v1/accounts/${keyAccountId}/spot-checks`, body: spotCheckBody([{ ownerId: manager.id }]) }),
    expect: only({ coordinator: 201 }, 403),
  },
  {
    route: 'GET /v1/accounts/{id}/spot-checks',
    build: async () => ({ method: 'GET', path: `/v1/accounts/${keyAccountId}/spot-checks` }),
    // Those who know the account (another sales manager, finance) are refused (403); the rest are not told it exists (404).
    expect: only({ coordinator: 200, leadership: 200, accountManager: 200, accountLeader: 200, otherManager: 403, finance: 403 }, 404),
  },
  {
    route: 'GET /v1/spot-checks/{id}',
    build: async () => ({ method: 'GET', path: `/v1/spot-checks/${spotCheckId}` }),
    expect: only({ coordinator: 200, leadership: 200, accountManager: 200, accountLeader: 200, followUpOwner: 200, otherManager: 403, finance: 403 }, 404),
  },
  {
    route: 'POST /v1/spot-checks/{id}/follow-ups/{followUpId}/done',
    build: async () => {
      const check = await recordCheck([{ ownerId: followUpOwner.id }]);
      return { method: 'POST', path: `/v1/spot-checks/${check.id}/follow-ups/${check.followUps[0]?.id}/done`, body: { doneOn: today() } };
    },
    // Those who may read the check but neither own the follow-up nor coordinate: 403; the rest do not know it: 404.
    expect: only({ coordinator: 201, followUpOwner: 201, leadership: 403, accountManager: 403, accountLeader: 403, otherManager: 403, finance: 403 }, 404),
  },
  {
    route: 'POST /v1/accounts/{id}/major-matters',
    build: async () => ({ method: 'POST', path: `/v1/accounts/${keyAccountId}/major-matters`, body: { occurredOn: today(), category: 'safety', summary: '施工现场安全事故' } }),
    expect: only({ finance: 403 }, 201),
  },
  {
    route: 'GET /v1/accounts/{id}/major-matters',
    build: async () => ({ method: 'GET', path: `/v1/accounts/${keyAccountId}/major-matters` }),
    expect: only({ finance: 403 }, 200),
  },
  {
    route: 'GET /v1/major-matters?status=unacknowledged',
    build: async () => ({ method: 'GET', path: '/v1/major-matters?status=unacknowledged' }),
    expect: only({ coordinator: 200, leadership: 200 }, 403),
  },
  {
    route: 'GET /v1/major-matters/{id}',
    build: async () => ({ method: 'GET', path: `/v1/major-matters/${matterId}` }),
    expect: only({ reporter: 200, coordinator: 200, leadership: 200, accountManager: 200, accountLeader: 200, otherManager: 403, finance: 403 }, 404),
  },
  {
    route: 'POST /v1/major-matters/{id}/acknowledgement',
    build: async () => ({ method: 'POST', path: `/v1/major-matters/${(await report(reporter.id)).id}/acknowledgement`, body: { response: '已转质量管理部跟进' } }),
    expect: only({ coordinator: 201 }, 403),
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
    expect(reply.headers.get('content-type')).toMatch(status >= 400 ? /^application\/problem\+json/ : /^application\/json/);
    if (who === 'departed') expect(reply.body.type).toMatch(/\/staff-departed$/);
  });
});

describe('who sees what in the lists', () => {
  const listed = async (path: string, as: string) => ((await api.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=200`, as)).body.items as { id: string }[]).map((i) => i.id);

  it('shows an account’s spot checks to its holders and the overseers, 403 to another sales manager and 404 to anyone unrelated', async () => {
    for (const who of ['coordinator', 'leadership', 'accountManager', 'accountLeader'] as const) {
      expect(await listed(`/v1/accounts/${keyAccountId}/spot-checks`, caller(who)), who).toContain(spotCheckId);
    }
    expect((await api.call('GET', `/v1/accounts/${keyAccountId}/spot-checks`, otherManager.id)).body.type).toMatch(/account-owned$/);
    const stranger = await api.call('GET', `/v1/accounts/${keyAccountId}/spot-checks`, otherDeptStaff.id);
    expect(stranger.status).toBe(404);
    expect(stranger.body.detail).toBe(`No account ${keyAccountId}`);
  });

  const sees: Record<Exclude<Who, 'finance' | 'departed'>, boolean> = {
    coordinator: true, leadership: true, accountManager: true, accountLeader: true,
    reporter: true, otherManager: false, otherDept: false, followUpOwner: false,
  };
  it.each(Object.entries(sees) as [Who, boolean][])('the reporter’s major matter in the account’s list: %s → %s', async (who, visible) => {
    expect((await listed(`/v1/accounts/${keyAccountId}/major-matters`, caller(who))).includes(matterId)).toBe(visible);
  });

  it('lists to other reporters only their own reports on the account, each of which they may open', async () => {
    // Prepare
    const stranger = await seedStaff(['department_staff'], { department: '无关部门' });
    // Before reporting, the account does not exist for them (404, the same as its other routes), not an empty 200.
    const before = await api.call('GET', `/v1/accounts/${keyAccountId}/major-matters`, stranger.id);
    expect(before.status).toBe(404);
    expect(before.body.detail).toBe(`No account ${keyAccountId}`);
    const own = await report(stranger.id, { category: 'personnel' });
    // Act
    const mine = await listed(`/v1/accounts/${keyAccountId}/major-matters`, stranger.id);
    // Assess
    expect(mine).toEqual([own.id]);
    expect((await api.call('GET', `/v1/major-matters/${own.id}`, stranger.id)).status).toBe(200);
  });
});

describe('spot checks', () => {
  it('answers 201 with the check, its Location and ETag, keeping Chinese text; every follow-up starts open', async () => {
    // Act
    const body = spotCheckBody([{ ownerId: followUpOwner.id }, { ownerId: manager.id }]);
    const reply = await api.call('POST', `/v1/accounts/${keyAccountId}/spot-checks`, coordinator.id, { body });
    // Assess
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String), accountId: keyAccountId, checkedBy: coordinator.id, checkedOn: body.checkedOn, scope: body.scope,
      findings: body.findings, rating: 'acceptable',
      followUps: body.followUps.map((f) => ({ id: expect.any(String), ...f, done: false, doneOn: null })),
      version: 1,
    });
    expect(new Set(reply.body.followUps.map((f: { id: string }) => f.id)).size).toBe(2);
    expect(reply.headers.get('location')).toBe(`/v1/spot-checks/${reply.body.id}`);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect((await api.call('GET', `/v1/spot-checks/${reply.body.id}`, manager.id)).body).toEqual(reply.body);
    expect((await listAuditTrail('spot-check', reply.body.id)).map((entry) => [entry.action, entry.actorId])).toEqual([['create', coordinator.id]]);
  });

  it('refuses a normal account (422 account-not-key) and answers 404 for one that does not exist', async () => {
    const normal = await createAccount(api, coordinator.id);
    const refused = await api.call('POST', `/v1/accounts/${normal.id}/spot-checks`, coordinator.id, { body: spotCheckBody() });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/\/account-not-key$/);
    expect((await api.call('POST', '/v1/accounts/NO-SUCH-ACCOUNT/spot-checks', coordinator.id, { body: spotCheckBody() })).status).toBe(404);
    expect((await api.call('GET', '/v1/accounts/NO-SUCH-ACCOUNT/spot-checks', coordinator.id)).status).toBe(404);
    expect((await api.call('GET', '/v1/spot-checks/NO-SUCH-CHECK', coordinator.id)).status).toBe(404);
  });

  it('refuses follow-ups owned by someone unknown or departed (422 naming each entry), and writes nothing', async () => {
    // Prepare
    const before = await api.call('GET', `/v1/accounts/${keyAccountId}/spot-checks?limit=200`, coordinator.id);
    // Act
    const reply = await api.call('POST', `/v1/accounts/${keyAccountId}/spot-checks`, coordinator.id, {
      body: spotCheckBody([{ ownerId: manager.id }, { ownerId: 'NO-SUCH-STAFF' }, { ownerId: departed.id }]),
    });
    // Assess
    expect(reply.status).toBe(422);
    expect(reply.body.type).toMatch(/\/follow-up-owner-not-active$/);
    expect(reply.body.errors).toEqual([
      { path: 'body.followUps.1.ownerId', message: 'no such staff member' },
      { path: 'body.followUps.2.ownerId', message: `left on ${departed.leftOn}` },
    ]);
    const after = await api.call('GET', `/v1/accounts/${keyAccountId}/spot-checks?limit=200`, coordinator.id);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('refuses a check day after today and a follow-up due before the check (422)', async () => {
    const future = await api.call('POST', `/v1/accounts/${keyAccountId}/spot-checks`, coordinator.id, {
      body: { ...spotCheckBody(), checkedOn: addDays(today(), 1) },
    });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([{ path: 'body.checkedOn', message: `must not be after today (${today()})` }]);
    const early = await api.call('POST', `/v1/accounts/${keyAccountId}/spot-checks`, coordinator.id, {
      body: { ...spotCheckBody(), followUps: [{ action: '补录', ownerId: manager.id, dueOn: addDays(today(), -1) }] },
    });
    expect(early.status).toBe(422);
    expect(early.body.type).toMatch(/\/follow-up-due-before-check$/);
  });

  it('lists an account’s spot checks newest check day first, page by page, each once', async () => {
    // Prepare
    const account = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
    const days = [-3, -1, -5, -2, -4].map((d) => addDays(today(), d));
    for (const checkedOn of days) {
      const reply = await api.call('POST', `/v1/accounts/${account}/spot-checks`, coordinator.id, { body: { ...spotCheckBody(), checkedOn } });
      expect(reply.status).toBe(201);
    }
    // Act
    const seen: { checkedOn: string }[] = [];
    let cursor: string | null = null;
    do {
      const reply = await api.call('GET', `/v1/accounts/${account}/spot-checks?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`, manager.id);
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...reply.body.items);
      cursor = reply.body.nextCursor;
    } while (cursor !== null);
    // Assess
    expect(seen.map((c) => c.checkedOn)).toEqual([...days].sort().reverse());
  });
});

describe('follow-ups', () => {
  const done = (checkId: string, followUpId: string, as: string, doneOn = today()) =>
    api.call('POST', `/v1/spot-checks/${checkId}/follow-ups/${followUpId}/done`, as, { body: { doneOn } });

  it('round trip: the owner marks theirs done, the other stays open, a second time is a 409, the coordinator closes the rest', async () => {
    // Prepare
    const check = await recordCheck([{ ownerId: followUpOwner.id }, { ownerId: manager.id }]);
    const [theirs, managers] = check.followUps;
    if (theirs === undefined || managers === undefined) throw new Error('follow-ups missing');
    // Act
    const first = await done(check.id, theirs.id, followUpOwner.id);
    // Assess
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/v1/spot-checks/${check.id}`);
    expect(first.headers.get('etag')).toBe('"2"');
    expect(first.body.followUps.map((f: { id: string; done: boolean; doneOn: string | null }) => [f.id, f.done, f.doneOn])).toEqual([
      [theirs.id, true, today()],
      [managers.id, false, null],
    ]);
    expect((await api.call('GET', `/v1/spot-checks/${check.id}`, followUpOwner.id)).body).toEqual(first.body);

    const again = await done(check.id, theirs.id, followUpOwner.id);
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/\/follow-up-already-done$/);

    const notTheirs = await done(check.id, managers.id, followUpOwner.id);
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.type).toMatch(/\/not-follow-up-owner$/);

    const closed = await done(check.id, managers.id, coordinator.id);
    expect(closed.status).toBe(201);
    expect(closed.body.version).toBe(3);
    expect(closed.body.followUps.every((f: { done: boolean }) => f.done)).toBe(true);
    expect((await listAuditTrail('spot-check', check.id)).map((entry) => [entry.action, entry.actorId])).toEqual([
      ['create', coordinator.id],
      ['complete-follow-up', followUpOwner.id],
      ['complete-follow-up', coordinator.id],
    ]);
  });

  it('answers 404 for a follow-up the check does not have, and 422 for a done day before the check or after today', async () => {
    const check = await recordCheck([{ ownerId: followUpOwner.id }]);
    const followUpId = check.followUps[0]?.id ?? '';
    expect((await done(check.id, 'NO-SUCH-FOLLOW-UP', coordinator.id)).status).toBe(404);
    expect((await done('NO-SUCH-CHECK', followUpId, coordinator.id)).status).toBe(404);
    const early = await done(check.id, followUpId, followUpOwner.id, addDays(today(), -1));
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([{ path: 'body.doneOn', message: `must be on or after the check day (${today()})` }]);
    expect((await done(check.id, followUpId, followUpOwner.id, addDays(today(), 1))).status).toBe(422);
    expect((await api.call('GET', `/v1/spot-checks/${check.id}`, coordinator.id)).body.version).toBe(1);
  });

  it('keeps both of two follow-ups marked done at the same moment', async () => {
    // Prepare
    const check = await recordCheck([{ ownerId: followUpOwner.id }, { ownerId: manager.id }]);
    // Act
    const replies = await Promise.all(check.followUps.map((f) => done(check.id, f.id, f.ownerId)));
    // Assess
    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    const stored = (await api.call('GET', `/v1/spot-checks/${check.id}`, coordinator.id)).body;
    expect(stored.version).toBe(3);
    expect(stored.followUps.every((f: { done: boolean }) => f.done)).toBe(true);
  });
});

describe('major matters', () => {
  it('answers 201 with the unacknowledged report, its Location and ETag, keeping Chinese text', async () => {
    // Act
    const reply = await api.call('POST', `/v1/accounts/${keyAccountId}/major-matters`, reporter.id, {
      body: { occurredOn: today(), category: 'legal', summary: '客户发来律师函', details: '涉及“智慧电厂”合同第 7 条违约责任' },
    });
    // Assess
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String), accountId: keyAccountId, reportedBy: reporter.id, reportedByDepartment: design, reportedAt: expect.any(String),
      occurredOn: today(), category: 'legal', summary: '客户发来律师函', details: '涉及“智慧电厂”合同第 7 条违约责任',
      status: 'unacknowledged', acknowledgedBy: null, acknowledgedAt: null, response: null, version: 1,
    });
    expect(reply.headers.get('location')).toBe(`/v1/major-matters/${reply.body.id}`);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect((await api.call('GET', `/v1/major-matters/${reply.body.id}`, reporter.id)).body).toEqual(reply.body);
    expect((await listAuditTrail('major-matter', reply.body.id)).map((entry) => [entry.action, entry.actorId])).toEqual([['create', reporter.id]]);
  });

  it('refuses a normal account (422 account-not-key), a matter yet to happen (422), and answers 404 for no account', async () => {
    const normal = await createAccount(api, coordinator.id);
    const body = { occurredOn: today(), category: 'other', summary: '其他' };
    const refused = await api.call('POST', `/v1/accounts/${normal.id}/major-matters`, reporter.id, { body });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/\/account-not-key$/);
    const future = await api.call('POST', `/v1/accounts/${keyAccountId}/major-matters`, reporter.id, { body: { ...body, occurredOn: addDays(today(), 1) } });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([{ path: 'body.occurredOn', message: `must not be after today (${today()})` }]);
    expect((await api.call('POST', '/v1/accounts/NO-SUCH-ACCOUNT/major-matters', reporter.id, { body })).status).toBe(404);
    expect((await api.call('GET', '/v1/accounts/NO-SUCH-ACCOUNT/major-matters', coordinator.id)).status).toBe(404);
    expect((await api.call('GET', '/v1/major-matters/NO-SUCH-MATTER', coordinator.id)).status).toBe(404);
  });

  const unacknowledged = async () => {
    const seen: { id: string; reportedAt: string; status: string }[] = [];
    let cursor: string | null = null;
    do {
      const reply = await api.call('GET', `/v1/major-matters?status=unacknowledged&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`, coordinator.id);
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...reply.body.items);
      cursor = reply.body.nextCursor;
    } while (cursor !== null);
    return seen;
  };

  it('pages through the unacknowledged reports newest first, each once; the list shrinks by the one acknowledged', async () => {
    // Prepare
    const mine = [await report(otherDeptStaff.id), await report(otherDeptStaff.id), await report(otherDeptStaff.id)];
    const before = await unacknowledged();
    expect(new Set(before.map((m) => m.id)).size).toBe(before.length);
    expect(before.every((m) => m.status === 'unacknowledged')).toBe(true);
    expect(before.map((m) => `${m.reportedAt}#${m.id}`)).toEqual(before.map((m) => `${m.reportedAt}#${m.id}`).sort().reverse());
    expect(before.map((m) => m.id).filter((id) => mine.some((m) => m.id === id))).toEqual(mine.map((m) => m.id).reverse());
    const target = mine[1]?.id ?? '';
    // Act
    const acknowledged = await api.call('POST', `/v1/major-matters/${target}/acknowledgement`, coordinator.id, { body: { response: '已约谈客户并报告领导' } });
    // Assess
    expect(acknowledged.status).toBe(201);
    expect(acknowledged.headers.get('location')).toBe(`/v1/major-matters/${target}`);
    expect(acknowledged.headers.get('etag')).toBe('"2"');
    expect(acknowledged.body).toMatchObject({
      id: target, status: 'acknowledged', acknowledgedBy: coordinator.id, acknowledgedAt: expect.any(String), response: '已约谈客户并报告领导', version: 2,
    });
    const after = await unacknowledged();
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id).filter((id) => id !== target));
    const done = await api.call('GET', '/v1/major-matters?status=acknowledged&limit=200', leader.id);
    expect(done.body.items.map((m: { id: string }) => m.id)).toContain(target);
    expect((await api.call('GET', `/v1/major-matters/${target}`, otherDeptStaff.id)).body).toEqual(acknowledged.body);
    expect((await api.call('GET', '/v1/major-matters', coordinator.id)).body.items.every((m: { status: string }) => m.status === 'unacknowledged')).toBe(true);
  });

  it('refuses a second acknowledgement with 409 and changes nothing; 404 for no such report', async () => {
    const matter = await report(reporter.id);
    const first = await api.call('POST', `/v1/major-matters/${matter.id}/acknowledgement`, coordinator.id, { body: { response: '收到' } });
    expect(first.status).toBe(201);
    const again = await api.call('POST', `/v1/major-matters/${matter.id}/acknowledgement`, coordinator.id, { body: { response: '再次收到' } });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/\/matter-already-acknowledged$/);
    expect((await api.call('GET', `/v1/major-matters/${matter.id}`, reporter.id)).body).toEqual(first.body);
    expect((await api.call('POST', '/v1/major-matters/NO-SUCH-MATTER/acknowledgement', coordinator.id, { body: { response: 'x' } })).status).toBe(404);
  });

  it('lets exactly one of 10 racing acknowledgements win; the rest get 409 and the record is the winner’s', async () => {
    // Prepare
    const matter = await report(reporter.id);
    // Act
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.call('POST', `/v1/major-matters/${matter.id}/acknowledgement`, coordinator.id, { body: { response: `回复 ${i}` } }),
      ),
    );
    // Assess
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const winner = replies.find((r) => r.status === 201)?.body;
    expect((await api.call('GET', `/v1/major-matters/${matter.id}`, reporter.id)).body).toEqual(winner);
    expect((await listAuditTrail('major-matter', matter.id)).map((entry) => entry.action)).toEqual(['create', 'acknowledge']);
  });
});

describe('bad input', () => {
  const paths = (body: { errors: { path: string }[] }) => body.errors.map((e) => e.path).sort();

  it('names every bad field of a spot check, nested follow-ups and unknown fields included', async () => {
    const reply = await api.call('POST', `/v1/accounts/${keyAccountId}/spot-checks`, coordinator.id, {
      body: { checkedOn: '2026-02-30', scope: [], findings: '  ', rating: 'excellent', followUps: [{ action: '', ownerId: 'not an id!', dueOn: 'soon', extra: 1 }], colour: 'red' },
    });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(paths(reply.body)).toEqual([
      'body.checkedOn', 'body.colour', 'body.findings', 'body.followUps.0.action', 'body.followUps.0.dueOn',
      'body.followUps.0.extra', 'body.followUps.0.ownerId', 'body.rating', 'body.scope',
    ]);
  });

  it('refuses a scope that repeats an item', async () => {
    const reply = await api.call('POST', `/v1/accounts/${keyAccountId}/spot-checks`, coordinator.id, { body: { ...spotCheckBody(), scope: ['visits', 'visits'] } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([{ path: 'body.scope', message: 'scope items must not repeat' }]);
  });

  it('names every bad field of a follow-up completion, a major matter and an acknowledgement', async () => {
    const done = await api.call('POST', `/v1/spot-checks/${spotCheckId}/follow-ups/X/done`, coordinator.id, { body: { doneOn: 'yesterday', by: 'me' } });
    expect(done.status).toBe(400);
    expect(paths(done.body)).toEqual(['body.by', 'body.doneOn']);

    const matter = await api.call('POST', `/v1/accounts/${keyAccountId}/major-matters`, reporter.id, {
      body: { occurredOn: '2026-13-01', category: 'rumour', summary: '   ', details: 5, urgent: true },
    });
    expect(matter.status).toBe(400);
    expect(paths(matter.body)).toEqual(['body.category', 'body.details', 'body.occurredOn', 'body.summary', 'body.urgent']);

    const ack = await api.call('POST', `/v1/major-matters/${matterId}/acknowledgement`, coordinator.id, { body: { response: '', extra: 1 } });
    expect(ack.status).toBe(400);
    expect(paths(ack.body)).toEqual(['body.extra', 'body.response']);
    expect((await api.call('GET', `/v1/major-matters/${matterId}`, coordinator.id)).body.status).toBe('unacknowledged');
  });

  it('names bad query fields, a missing body, and refuses a cursor from another list', async () => {
    const query = await api.call('GET', '/v1/major-matters?status=done&limit=0&colour=red', coordinator.id);
    expect(query.status).toBe(400);
    expect(paths(query.body)).toEqual(['query.colour', 'query.limit', 'query.status']);
    const checks = await api.call('GET', `/v1/accounts/${keyAccountId}/spot-checks?limit=500`, coordinator.id);
    expect(paths(checks.body)).toEqual(['query.limit']);
    const empty = await api.call('POST', `/v1/accounts/${keyAccountId}/major-matters`, reporter.id);
    expect(empty.status).toBe(400);
    expect(paths(empty.body)).toEqual(['body']);

    const accountPage = await api.call('GET', `/v1/accounts/${keyAccountId}/major-matters?limit=1`, coordinator.id);
    expect(accountPage.body.nextCursor).toEqual(expect.any(String));
    const replay = await api.call('GET', `/v1/major-matters?limit=1&cursor=${accountPage.body.nextCursor}`, coordinator.id);
    expect(replay.status).toBe(400);
    expect(replay.body.errors).toEqual([{ path: 'query.cursor', message: 'not a valid cursor for this list' }]);
  });
});
