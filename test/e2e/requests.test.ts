import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRequest } from '#shared/db/requests.ts';
import { addDays, todayInShanghai } from '#shared/domain/dates.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/* Priority requests (issue 12 §3; domain.md §4, paper §4.1): key accounts' requests are handled first. */

let api: Api;
let coordinator: Staff;
let leader: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherManager: Staff;
let delivery: Staff;
let otherDept: Staff;
let stranger: Staff;
let key: string;
let normal: string;
const today = todayInShanghai();
/** A department of this test file's own, so its queue holds only what the tests put there. */
const dept = `专家中心-${Date.now()}`;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  leader = await seedStaff(['leadership']);
  contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  otherManager = await seedTrainedSalesManager();
  delivery = await seedStaff(['department_staff'], { department: dept });
  otherDept = await seedStaff(['department_staff'], { department: '交付二部' });
  stranger = await seedStaff(['department_staff'], { department: '水利院' });
  key = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
  normal = (await createAccount(api, manager.id)).id;
});
afterAll(() => api.close());

const requests = (accountId: string) => `/v1/accounts/${accountId}/requests`;
const body = (extra: object = {}) => ({ kind: 'expert_support', summary: '需要电力专家现场评审方案', department: dept, dueOn: addDays(today, 10), ...extra });
const log = async (accountId: string, as: string, extra: object = {}) => {
  const reply = await api.call('POST', requests(accountId), as, { body: body(extra) });
  if (reply.status !== 201) throw new Error(`log: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; status: string };
};
const queue = async (as = delivery.id) => {
  const reply = await api.call('GET', `/v1/departments/${encodeURIComponent(dept)}/requests?limit=200`, as);
  return reply;
};

describe('logging a request', () => {
  it('is for the account’s people: 201 open, Location, the account’s tier kept; exclusive ownership on a key account', async () => {
    const reply = await api.call('POST', requests(key), manager.id, { body: body() });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ accountId: key, accountTier: 'key', kind: 'expert_support', department: dept, status: 'open', loggedBy: manager.id, delivered: null, declineReason: null, version: 1 });
    expect(reply.headers.get('location')).toBe(`${requests(key)}/${reply.body.id}`);
    for (const as of [contactLeader, coordinator]) expect((await api.call('POST', requests(key), as.id, { body: body() })).status).toBe(201);
    for (const as of [leader, otherManager]) {
      const refused = await api.call('POST', requests(key), as.id, { body: body() });
      expect(refused.status, as.roles.join()).toBe(403);
      expect(refused.body.type).toMatch(/\/account-owned$/);
    }
    expect((await api.call('POST', requests(key), stranger.id, { body: body() })).status).toBe(404);
  });

  it('refuses a past due day (422), an unknown kind (400)', async () => {
    const past = await api.call('POST', requests(key), manager.id, { body: body({ dueOn: addDays(today, -1) }) });
    expect(past.status).toBe(422);
    expect(past.body.type).toMatch(/\/request-due-past$/);
    expect((await api.call('POST', requests(key), manager.id, { body: body({ kind: 'gift' }) })).status).toBe(400);
  });
});

describe('the department queue', () => {
  it('lists key accounts’ requests before others’, each group by due day, and only open ones', async () => {
    // Arrange: a normal account's request due first, key accounts' due later.
    const n1 = await log(normal, manager.id, { dueOn: addDays(today, 1) });
    const k2 = await log(key, manager.id, { dueOn: addDays(today, 20) });
    const k1 = await log(key, manager.id, { dueOn: addDays(today, 5) });
    const n2 = await log(normal, manager.id, { dueOn: addDays(today, 2) });
    const closed = await log(key, manager.id, { dueOn: addDays(today, 3) });
    await api.call('POST', `${requests(key)}/${closed.id}/answer`, delivery.id, { body: { outcome: 'declined', reason: '超出能力范围' } });
    // Act
    const reply = await queue();
    // Assess
    expect(reply.status).toBe(200);
    const order = reply.body.items.map((r: { id: string }) => r.id).filter((id: string) => [n1.id, n2.id, k1.id, k2.id, closed.id].includes(id));
    expect(order).toEqual([k1.id, k2.id, n1.id, n2.id]);
    const tiers = reply.body.items.map((r: { accountTier: string }) => r.accountTier);
    expect(tiers.indexOf('normal')).toBeGreaterThan(tiers.lastIndexOf('key'));
  });

  it('is read by the department’s own staff, coordinators and leadership; another department 403', async () => {
    for (const as of [delivery, coordinator, leader]) expect((await queue(as.id)).status).toBe(200);
    const refused = await queue(otherDept.id);
    expect(refused.status).toBe(403);
    expect(refused.body.type).toMatch(/\/not-of-department$/);
  });
});

describe('answering', () => {
  it('accepts, then marks done with what was delivered; the account’s people read the answer', async () => {
    const r = await log(key, manager.id);
    const at = `${requests(key)}/${r.id}/answer`;
    const accepted = await api.call('POST', at, delivery.id, { body: { outcome: 'accepted' } });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedBy: delivery.id, version: 2 });
    const done = await api.call('POST', at, delivery.id, { body: { outcome: 'done', delivered: '专家组 3 人现场评审，出具意见书' } });
    expect(done.body).toMatchObject({ status: 'done', delivered: '专家组 3 人现场评审，出具意见书', closedBy: delivery.id, version: 3 });
    const again = await api.call('POST', at, delivery.id, { body: { outcome: 'declined', reason: '晚了' } });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/\/request-answered$/);
    const read = await api.call('GET', `${requests(key)}?status=done`, manager.id);
    expect(read.body.items.find((x: { id: string }) => x.id === r.id)).toMatchObject({ delivered: '专家组 3 人现场评审，出具意见书' });
    expect((await queue()).body.items.map((x: { id: string }) => x.id)).not.toContain(r.id);
  });

  it('declines with a reason the account’s people see; done or declined without one is 400', async () => {
    const r = await log(key, manager.id);
    const at = `${requests(key)}/${r.id}/answer`;
    const noReason = await api.call('POST', at, delivery.id, { body: { outcome: 'declined' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ path: 'body.reason', message: 'give the reason when the outcome is declined' }]);
    expect((await api.call('POST', at, delivery.id, { body: { outcome: 'done' } })).body.errors).toEqual([{ path: 'body.delivered', message: 'say what was delivered when the outcome is done' }]);
    await api.call('POST', at, coordinator.id, { body: { outcome: 'declined', reason: '本年度名额已满' } });
    const seen = await api.call('GET', `${requests(key)}/${r.id}`, contactLeader.id);
    expect(seen.body).toMatchObject({ status: 'declined', declineReason: '本年度名额已满', closedBy: coordinator.id });
  });

  it('is the routed department’s or a coordinator’s: the account’s holders 403; another department with no tie, and strangers, 404', async () => {
    const r = await log(key, manager.id);
    const at = `${requests(key)}/${r.id}/answer`;
    const holder = await api.call('POST', at, manager.id, { body: { outcome: 'accepted' } });
    expect(holder.status).toBe(403);
    expect(holder.body.type).toMatch(/\/not-the-delivering-department$/);
    expect((await api.call('POST', at, otherDept.id, { body: { outcome: 'accepted' } })).status).toBe(404);
    expect((await api.call('POST', at, stranger.id, { body: { outcome: 'accepted' } })).status).toBe(404);
    expect((await api.call('POST', `${requests(key)}/NOSUCH/answer`, delivery.id, { body: { outcome: 'accepted' } })).status).toBe(404);
    // The routed department reads the request it was given, though it holds no project of the account.
    expect((await api.call('GET', `${requests(key)}/${r.id}`, delivery.id)).status).toBe(200);
    // It knows the account by that request, so its list is refused with 403, not hidden.
    expect((await api.call('GET', requests(key), delivery.id)).status).toBe(403);
  });
});

describe('overdue requests', () => {
  it('lists open requests past their due day for the coordination group, earliest first; done ones leave the list', async () => {
    // Arrange: requests cannot be logged overdue, so two are written as they would stand later.
    const base = { accountId: key, accountTier: 'key' as const, kind: 'deadline' as const, summary: '工期紧', department: dept, status: 'open' as const, loggedBy: manager.id, loggedAt: new Date().toISOString(), acceptedBy: null, acceptedAt: null, delivered: null, declineReason: null, closedBy: null, closedAt: null, version: 1 };
    const audit = { actorId: 'test', requestId: 'test', at: new Date().toISOString() };
    const late = { ...base, id: `LATE${Date.now()}`, dueOn: addDays(today, -5) };
    const later = { ...base, id: `LATER${Date.now()}`, dueOn: addDays(today, -2) };
    await insertRequest(later, audit);
    await insertRequest(late, audit);
    const current = await log(key, manager.id, { dueOn: today });
    // Act
    const reply = await api.call('GET', '/v1/requests/overdue?limit=200', coordinator.id);
    // Assess
    const ids = reply.body.items.map((r: { id: string }) => r.id);
    expect(ids.indexOf(late.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids).not.toContain(current.id);
    await api.call('POST', `${requests(key)}/${late.id}/answer`, delivery.id, { body: { outcome: 'done', delivered: '已交付' } });
    expect((await api.call('GET', '/v1/requests/overdue?limit=200', leader.id)).body.items.map((r: { id: string }) => r.id)).not.toContain(late.id);
    expect((await api.call('GET', '/v1/requests/overdue', manager.id)).status).toBe(403);
  });
});
