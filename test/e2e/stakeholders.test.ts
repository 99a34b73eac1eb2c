import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import { addDays, todayInShanghai } from '#shared/domain/dates.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedDeparted, seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/* Stakeholders of a key account (issue 12 §1; domain.md §4): exclusive ownership on writes, contact details under the dossier's rules. */

let api: Api;
let coordinator: Staff;
let leader: Staff;
let finance: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherManager: Staff;
let stranger: Staff;
let accountId: string;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  leader = await seedStaff(['leadership']);
  finance = await seedStaff(['finance']);
  contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  otherManager = await seedTrainedSalesManager();
  stranger = await seedStaff(['department_staff'], { department: '水利院' });
  accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
});
afterAll(() => api.close());

const path = (account = accountId) => `/v1/accounts/${account}/stakeholders`;
const body = (extra: object = {}) => ({
  name: '王建国', title: '信息中心主任', department: '信息中心', decisionRole: 'decision_maker', influence: 5, relationshipStrength: 3,
  relationshipOwnerId: contactLeader.id, contact: { phone: '138 0000 0000', wechat: 'wangjg', note: '周三上午方便' }, ...extra,
});
const add = async (as = manager.id, extra: object = {}, account = accountId) => {
  const reply = await api.call('POST', path(account), as, { body: body(extra) });
  if (reply.status !== 201) throw new Error(`add stakeholder: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; version: number };
};
const accessLog = async () => (await api.call('GET', `/v1/accounts/${accountId}/dossier/access-log?limit=200`, coordinator.id)).body.items as { readerId: string; operation: string; basis: string; entries: unknown[] }[];

describe('stakeholders: writing', () => {
  it('lets the account’s sales manager add one: 201, ETag, Location, no contact details in the reply', async () => {
    // Act
    const reply = await api.call('POST', path(), manager.id, { body: body() });
    // Assess
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String), accountId, name: '王建国', title: '信息中心主任', department: '信息中心', decisionRole: 'decision_maker',
      influence: 5, relationshipStrength: 3, relationshipOwnerId: contactLeader.id, status: 'active', leftOn: null, leftNote: null,
      lastContactOn: null, hasContact: true, createdBy: manager.id, createdAt: expect.any(String), updatedBy: manager.id,
      updatedAt: reply.body.createdAt, version: 1,
    });
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.headers.get('location')).toBe(`${path()}/${reply.body.id}`);
  });

  it('lets the contact leader and a coordinator add one; leadership and other sales managers get 403 account-owned, strangers 404', async () => {
    for (const as of [contactLeader, coordinator]) expect((await api.call('POST', path(), as.id, { body: body() })).status, as.roles.join()).toBe(201);
    for (const as of [leader, otherManager]) {
      const reply = await api.call('POST', path(), as.id, { body: body() });
      expect(reply.status, as.roles.join()).toBe(403);
      expect(reply.body.type).toMatch(/\/account-owned$/);
    }
    const finance403 = await api.call('POST', path(), finance.id, { body: body() });
    expect(finance403.status).toBe(403);
    expect(finance403.body.type).toMatch(/\/role-not-allowed$/);
    const hidden = await api.call('POST', path(), stranger.id, { body: body() });
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).toBe(`No account ${accountId}`);
  });

  it('refuses bad input field by field (400), an unknown or departed relationship owner (422), a normal account (422)', async () => {
    const bad = await api.call('POST', path(), manager.id, { body: { ...body(), influence: 6, relationshipStrength: 0, decisionRole: 'boss', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.decisionRole', 'body.extra', 'body.influence', 'body.relationshipStrength']);
    const departed = await seedDeparted(['sales_manager']);
    const gone = await api.call('POST', path(), manager.id, { body: body({ relationshipOwnerId: departed.id }) });
    expect(gone.status).toBe(422);
    expect(gone.body.errors).toEqual([{ path: 'body.relationshipOwnerId', message: 'left on 2026-01-31' }]);
    const nobody = await api.call('POST', path(), manager.id, { body: body({ relationshipOwnerId: 'NOBODY' }) });
    expect(nobody.body.errors).toEqual([{ path: 'body.relationshipOwnerId', message: 'no such staff member' }]);
    const normal = await createAccount(api, manager.id);
    const notKey = await api.call('POST', path(normal.id), manager.id, { body: body() });
    expect(notKey.status).toBe(422);
    expect(notKey.body.type).toMatch(/\/account-not-key$/);
  });

  it('edits with If-Match: 200 with the next version; 428 without, 412 when stale; 404 for no such stakeholder', async () => {
    const s = await add();
    const at = `${path()}/${s.id}`;
    expect((await api.call('PATCH', at, manager.id, { body: { influence: 4 } })).status).toBe(428);
    const edited = await api.call('PATCH', at, manager.id, { body: { influence: 4, department: null }, headers: { 'if-match': '"1"' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ influence: 4, department: null, version: 2, name: '王建国' });
    expect(edited.headers.get('etag')).toBe('"2"');
    expect((await api.call('PATCH', at, manager.id, { body: { influence: 3 }, headers: { 'if-match': '"1"' } })).status).toBe(412);
    expect((await api.call('PATCH', at, otherManager.id, { body: { influence: 3 }, headers: { 'if-match': '"2"' } })).status).toBe(403);
    expect((await api.call('PATCH', `${path()}/NOSUCH`, manager.id, { body: { influence: 3 }, headers: { 'if-match': '"1"' } })).status).toBe(404);
    expect((await api.call('PATCH', at, manager.id, { body: {}, headers: { 'if-match': '"2"' } })).status).toBe(400);
  });

  it('marks one who left the customer, once (409 the second time); they stay listed, never deleted', async () => {
    const s = await add(manager.id, { name: '李离职' });
    const left = await api.call('POST', `${path()}/${s.id}/departure`, contactLeader.id, { body: { leftOn: '2026-03-01', note: '调任集团' } });
    expect(left.status).toBe(201);
    expect(left.body).toMatchObject({ status: 'left', leftOn: '2026-03-01', leftNote: '调任集团', version: 2 });
    const again = await api.call('POST', `${path()}/${s.id}/departure`, contactLeader.id, { body: { leftOn: '2026-03-02' } });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/\/stakeholder-left$/);
    const listedLeft = await api.call('GET', `${path()}?status=left`, leader.id);
    expect(listedLeft.body.items.map((x: { id: string }) => x.id)).toContain(s.id);
    const listedActive = await api.call('GET', `${path()}?status=active`, leader.id);
    expect(listedActive.body.items.map((x: { id: string }) => x.id)).not.toContain(s.id);
    expect((await api.call('DELETE', `${path()}/${s.id}`, coordinator.id)).status).toBeGreaterThanOrEqual(404);
  });
});

describe('stakeholders: reading', () => {
  it('is for those who read the account (holders, coordinators, leadership); 403 to others who know it, 404 to strangers', async () => {
    const s = await add();
    for (const as of [manager, contactLeader, coordinator, leader]) expect((await api.call('GET', `${path()}/${s.id}`, as.id)).status, as.roles.join()).toBe(200);
    expect((await api.call('GET', `${path()}/${s.id}`, otherManager.id)).status).toBe(403);
    expect((await api.call('GET', path(), finance.id)).status).toBe(403);
    expect((await api.call('GET', path(), stranger.id)).status).toBe(404);
    expect((await api.call('GET', `${path()}/NOSUCH`, manager.id)).status).toBe(404);
  });

  it('gives contact details only under the dossier’s rules, and logs every read with its basis', async () => {
    // Arrange
    const s = await add();
    const contact = `${path()}/${s.id}/contact`;
    const logged = (await accessLog()).length;
    // Act: the holders and leadership read; a coordinator without a grant does not; finance once granted does.
    const bySm = await api.call('GET', contact, manager.id);
    const byLeader = await api.call('GET', contact, leader.id);
    const byCoordinator = await api.call('GET', contact, coordinator.id);
    const beforeGrant = await api.call('GET', contact, finance.id);
    const granted = await api.call('POST', `/v1/accounts/${accountId}/dossier/grants`, coordinator.id, { body: { staffId: finance.id, expiresOn: addDays(todayInShanghai(), 1) } });
    const byFinance = await api.call('GET', contact, finance.id);
    const byStranger = await api.call('GET', contact, stranger.id);
    // Assess
    expect(bySm.status).toBe(200);
    expect(bySm.body).toEqual({ accountId, stakeholderId: s.id, phone: '138 0000 0000', email: null, wechat: 'wangjg', address: null, note: '周三上午方便', version: 1 });
    expect(byLeader.status).toBe(200);
    expect(byCoordinator.status).toBe(403);
    expect(byCoordinator.body.type).toMatch(/\/dossier-grant-required$/);
    expect(beforeGrant.status).toBe(403);
    expect(granted.status).toBe(201);
    expect(byFinance.status).toBe(200);
    expect(byStranger.status).toBe(404);
    const log = (await accessLog()).slice(0, (await accessLog()).length - logged);
    expect(log.map((l) => [l.readerId, l.operation, l.basis])).toEqual([
      [finance.id, 'getStakeholderContact', 'grant'],
      [leader.id, 'getStakeholderContact', 'leadership'],
      [manager.id, 'getStakeholderContact', 'sales_manager'],
    ]);
    expect(log[0]?.entries).toEqual([{ id: s.id, version: 1 }]);
  });

  it('replaces contact details as a whole on an edit, and the next read shows the new version', async () => {
    const s = await add();
    const edited = await api.call('PATCH', `${path()}/${s.id}`, manager.id, { body: { contact: { email: 'wang@example.cn' } }, headers: { 'if-match': '"1"' } });
    expect(edited.status).toBe(200);
    const read = await api.call('GET', `${path()}/${s.id}/contact`, contactLeader.id);
    expect(read.body).toEqual({ accountId, stakeholderId: s.id, phone: null, email: 'wang@example.cn', wechat: null, address: null, note: null, version: 2 });
  });

  it('never puts contact details into the audit trail or the stakeholder itself', async () => {
    const s = await add(manager.id, { contact: { phone: '139 1111 2222' } });
    const read = await api.call('GET', `${path()}/${s.id}`, leader.id);
    const trail = await listAuditTrail('stakeholder', s.id);
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail[0])).toContain('"contactWritten":true');
    for (const text of [JSON.stringify(read.body), JSON.stringify(trail)]) expect(text).not.toContain('139 1111 2222');
  });
});

describe('visits name stakeholders', () => {
  it('moves each named stakeholder’s last contact to the visit’s day, never back', async () => {
    const s = await add();
    const visit = (visitedOn: string) => api.call('POST', `/v1/accounts/${accountId}/visits`, manager.id, { body: { type: 'routine_visit', visitedOn, summary: '拜访', stakeholderIds: [s.id] } });
    const first = await visit('2026-02-10');
    expect(first.status).toBe(201);
    expect(first.body.stakeholderIds).toEqual([s.id]);
    expect((await api.call('GET', `${path()}/${s.id}`, manager.id)).body).toMatchObject({ lastContactOn: '2026-02-10', version: 2 });
    expect((await visit('2026-01-05')).status).toBe(201);
    expect((await api.call('GET', `${path()}/${s.id}`, manager.id)).body).toMatchObject({ lastContactOn: '2026-02-10', version: 2 });
  });

  it('refuses a stakeholder of another account, an unknown one (422 naming each) and repeats (400)', async () => {
    const other = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
    const foreign = await add(manager.id, {}, other);
    const reply = await api.call('POST', `/v1/accounts/${accountId}/visits`, manager.id, { body: { type: 'routine_visit', visitedOn: '2026-02-10', summary: '拜访', stakeholderIds: [foreign.id, 'NOSUCH'] } });
    expect(reply.status).toBe(422);
    expect(reply.body.type).toMatch(/\/unknown-stakeholder$/);
    expect(reply.body.errors).toEqual([
      { path: 'body.stakeholderIds.0', message: 'not a stakeholder of this account' },
      { path: 'body.stakeholderIds.1', message: 'not a stakeholder of this account' },
    ]);
    const repeated = await api.call('POST', `/v1/accounts/${accountId}/visits`, manager.id, { body: { type: 'routine_visit', visitedOn: '2026-02-10', summary: '拜访', stakeholderIds: [foreign.id, foreign.id] } });
    expect(repeated.status).toBe(400);
  });
});
