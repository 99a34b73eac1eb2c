import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertGrant } from '#shared/db/dossier.ts';
import { addDays, todayInShanghai } from '#shared/domain/dates.ts';
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
let departmentStaff: Staff;
let departed: Staff;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  leader = await seedStaff(['leadership']);
  finance = await seedStaff(['finance']);
  contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  otherManager = await seedTrainedSalesManager();
  departmentStaff = await seedStaff(['department_staff'], { department: '电力设计院' });
  departed = await seedDeparted(['coordinator', 'sales_manager']);
});
afterAll(() => api.close());

const dossierOf = (accountId: string) => `/v1/accounts/${accountId}/dossier`;
const entriesOf = (accountId: string) => `${dossierOf(accountId)}/entries`;
const today = () => todayInShanghai();

const addEntry = async (accountId: string, as: string, body: object = { kind: 'contact', title: '董事长', content: '张总：手机 138 0000 0000，喜欢喝普洱' }) => {
  const reply = await api.call('POST', entriesOf(accountId), as, { body });
  if (reply.status !== 201) throw new Error(`add entry: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; version: number; title: string; content: string };
};
const grant = (accountId: string, staffId: string, expiresOn = today()) =>
  api.call('POST', `${dossierOf(accountId)}/grants`, coordinator.id, { body: { staffId, expiresOn } });
const accessLog = async (accountId: string) => (await api.call('GET', `${dossierOf(accountId)}/access-log?limit=200`, coordinator.id)).body.items;

describe('writing the dossier', () => {
  let accountId: string;
  beforeAll(async () => {
    accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
  });

  it('lets the sales manager add an entry: 201, version 1, ETag and Location, Chinese text unchanged', async () => {
    // Act
    const reply = await api.call('POST', entriesOf(accountId), manager.id, { body: { kind: 'contract', title: '框架协议', content: '2026—2028 年框架协议，折扣 8.5 折' } });
    // Assess
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String), accountId, kind: 'contract', title: '框架协议', content: '2026—2028 年框架协议，折扣 8.5 折', version: 1,
      createdBy: manager.id, createdAt: expect.any(String), updatedBy: manager.id, updatedAt: reply.body.createdAt,
    });
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.headers.get('location')).toBe(`/v1/accounts/${accountId}/dossier/entries/${reply.body.id}`);
  });

  it('tells the contact leader, coordinators, leadership and finance that only the sales manager keeps it (403)', async () => {
    for (const as of [contactLeader, coordinator, leader, finance]) {
      const reply = await api.call('POST', entriesOf(accountId), as.id, { body: { kind: 'note', title: '补充', content: '内容' } });
      expect(reply.status, as.roles.join()).toBe(403);
      expect(reply.body.type).toMatch(/\/dossier-kept-by-sales-manager$/);
    }
  });

  it('tells another sales manager, who knows the account, that only its sales manager keeps it (403)', async () => {
    const reply = await api.call('POST', entriesOf(accountId), otherManager.id, { body: { kind: 'note', title: '补充', content: '内容' } });
    expect(reply.status).toBe(403);
    expect(reply.body.type).toMatch(/\/dossier-kept-by-sales-manager$/);
  });

  it('answers 404 to people with no relation to the account, as if it did not exist', async () => {
    const reply = await api.call('POST', entriesOf(accountId), departmentStaff.id, { body: { kind: 'note', title: '补充', content: '内容' } });
    expect(reply.status).toBe(404);
  });

  it('keeps the old version on an edit and lists every version', async () => {
    // Prepare
    const entry = await addEntry(accountId, manager.id);
    // Act
    const edited = await api.call('PATCH', `${entriesOf(accountId)}/${entry.id}`, manager.id, {
      body: { content: '张总：手机 139 0000 0000，喜欢喝普洱' }, headers: { 'if-match': '"1"' },
    });
    // Assess
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: entry.id, version: 2, title: '董事长', content: '张总：手机 139 0000 0000，喜欢喝普洱', updatedBy: manager.id });
    expect(edited.headers.get('etag')).toBe('"2"');
    const versions = await api.call('GET', `${entriesOf(accountId)}/${entry.id}/versions`, manager.id);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number; content: string }) => [v.version, v.content])).toEqual([
      [1, '张总：手机 138 0000 0000，喜欢喝普洱'],
      [2, '张总：手机 139 0000 0000，喜欢喝普洱'],
    ]);
    expect(versions.body.nextCursor).toBeNull();
    const current = await api.call('GET', `${entriesOf(accountId)}/${entry.id}`, manager.id);
    expect(current.body).toEqual(edited.body);
    expect(current.headers.get('etag')).toBe('"2"');
  });

  it('needs If-Match on an edit: 428 without it, 412 when stale, and nothing changes', async () => {
    const entry = await addEntry(accountId, manager.id);
    const path = `${entriesOf(accountId)}/${entry.id}`;
    const missing = await api.call('PATCH', path, manager.id, { body: { title: '新标题' } });
    expect(missing.status).toBe(428);
    expect(missing.body.type).toMatch(/if-match-required$/);
    const stale = await api.call('PATCH', path, manager.id, { body: { title: '新标题' }, headers: { 'if-match': '"2"' } });
    expect(stale.status).toBe(412);
    expect((await api.call('GET', path, manager.id)).body).toMatchObject({ version: 1, title: '董事长' });
  });

  it('refuses bad bodies with 400, naming each bad field', async () => {
    const bad = await api.call('POST', entriesOf(accountId), manager.id, {
      body: { kind: 'gossip', title: '  ', content: 'x'.repeat(20_001), secret: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.content', 'body.kind', 'body.secret', 'body.title']);
    const blank = await api.call('POST', entriesOf(accountId), manager.id, { body: { kind: 'note', title: '空', content: ' \n ' } });
    expect(blank.body.errors).toEqual([{ path: 'body.content', message: 'must not be blank' }]);
    const entry = await addEntry(accountId, manager.id);
    const empty = await api.call('PATCH', `${entriesOf(accountId)}/${entry.id}`, manager.id, { body: {}, headers: { 'if-match': '"1"' } });
    expect(empty.status).toBe(400);
    const unknown = await api.call('PATCH', `${entriesOf(accountId)}/${entry.id}`, manager.id, { body: { title: '新', kind: 'note' }, headers: { 'if-match': '"1"' } });
    expect(unknown.body.errors).toEqual([{ path: 'body.kind', message: 'unknown field: kind' }]);
  });

  it('keeps a dossier for key accounts only (422 on a normal account)', async () => {
    const normal = await createAccount(api, coordinator.id);
    const reply = await api.call('POST', entriesOf(normal.id), manager.id, { body: { kind: 'note', title: '备注', content: '内容' } });
    expect(reply.status).toBe(422);
    expect(reply.body.type).toMatch(/account-not-key$/);
  });
});

describe('reading the dossier', () => {
  let accountId: string;
  beforeAll(async () => {
    accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
    await addEntry(accountId, manager.id);
  });

  const cases: [string, () => Staff, number, string?][] = [
    ['the sales manager reads', () => manager, 200],
    ['the contact leader reads implicitly', () => contactLeader, 200],
    ['leadership reads', () => leader, 200],
    ['a coordinator without a grant is refused', () => coordinator, 403, 'dossier-grant-required'],
    ['finance without a grant is refused', () => finance, 403, 'dossier-grant-required'],
    ['another sales manager, who knows the account, is refused', () => otherManager, 403, 'dossier-grant-required'],
    ['department staff are told it does not exist', () => departmentStaff, 404],
    ['a departed person is refused by the API', () => departed, 403, 'staff-departed'],
  ];
  it.each(cases)('%s', async (_what, as, status, type) => {
    const reply = await api.call('GET', dossierOf(accountId), as().id);
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    if (status === 200) expect(reply.body.items.map((e: { title: string }) => e.title)).toEqual(['董事长']);
    if (type !== undefined) expect(reply.body.type).toMatch(new RegExp(`/${type}$`));
  });

  it('lets a coordinator grant themself and others, who then read until the expiry day', async () => {
    // Act
    const own = await grant(accountId, coordinator.id);
    const others = await Promise.all([grant(accountId, finance.id, addDays(today(), 30)), grant(accountId, departmentStaff.id, addDays(today(), 1))]);
    // Assess
    expect(own.status).toBe(201);
    expect(own.body).toEqual({ id: expect.any(String), accountId, staffId: coordinator.id, expiresOn: today(), grantedBy: coordinator.id, grantedAt: expect.any(String) });
    expect(own.headers.get('location')).toBe(`/v1/accounts/${accountId}/dossier/grants?staffId=${coordinator.id}`);
    expect(others.map((r) => r.status)).toEqual([201, 201]);
    for (const as of [coordinator, finance, departmentStaff]) {
      expect((await api.call('GET', dossierOf(accountId), as.id)).status, as.roles.join()).toBe(200);
    }
    const listed = await api.call('GET', `${dossierOf(accountId)}/grants?staffId=${finance.id}`, coordinator.id);
    expect(listed.body.items).toEqual([others[0]?.body]);
  });

  it('refuses a reader whose grant has expired with 403, not 404', async () => {
    // Prepare: a grant made in the past (the API only makes grants from today on).
    const reader = await seedStaff(['department_staff']);
    await insertGrant(
      { id: ulid(), accountId, staffId: reader.id, expiresOn: addDays(today(), -1), grantedBy: coordinator.id, grantedAt: '2026-01-01T00:00:00.000Z' },
      { actorId: coordinator.id, requestId: 'seed', at: '2026-01-01T00:00:00.000Z' },
    );
    // Act
    const reply = await api.call('GET', dossierOf(accountId), reader.id);
    // Assess
    expect(reply.status).toBe(403);
    expect(reply.body.type).toMatch(/\/dossier-grant-required$/);
  });

  it('refuses grants in the past (422), to departed or unknown people (422), by non-coordinators (403), on missing accounts (404)', async () => {
    const past = await grant(accountId, finance.id, addDays(today(), -1));
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ type: expect.stringMatching(/grant-expiry-past$/), errors: [{ path: 'body.expiresOn', message: expect.stringContaining(today()) }] });
    expect((await grant(accountId, departed.id)).body.type).toMatch(/grantee-departed$/);
    expect((await grant(accountId, 'NOBODY')).body.type).toMatch(/grantee-unknown$/);
    expect((await grant(ulid(), finance.id)).status).toBe(404);
    const byManager = await api.call('POST', `${dossierOf(accountId)}/grants`, manager.id, { body: { staffId: manager.id, expiresOn: today() } });
    expect(byManager.status).toBe(403);
    expect((await api.call('GET', `${dossierOf(accountId)}/grants`, leader.id)).status).toBe(403);
    const bad = await api.call('POST', `${dossierOf(accountId)}/grants`, coordinator.id, { body: { staffId: finance.id, expiresOn: '2026-02-30' } });
    expect(bad.body.errors).toEqual([{ path: 'body.expiresOn', message: 'must be a date YYYY-MM-DD' }]);
  });
});

describe('the access log', () => {
  it('records every read — who, which route, what was shown — newest first, for coordinators only', async () => {
    // Prepare
    const accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
    const entry = await addEntry(accountId, manager.id);
    await grant(accountId, finance.id);
    // Act
    await api.call('GET', dossierOf(accountId), contactLeader.id);
    await api.call('GET', `${entriesOf(accountId)}/${entry.id}/versions`, finance.id);
    await api.call('GET', `${entriesOf(accountId)}/${entry.id}`, leader.id);
    await api.call('GET', dossierOf(accountId), coordinator.id); // refused: no grant, so not a read
    // Assess
    const log = await accessLog(accountId);
    expect(log.map((r: Record<string, unknown>) => [r.readerId, r.operation, r.basis, r.entries])).toEqual([
      [leader.id, 'getDossierEntry', 'leadership', [{ id: entry.id, version: 1 }]],
      [finance.id, 'listDossierEntryVersions', 'grant', [{ id: entry.id, version: 1 }]],
      [contactLeader.id, 'listDossier', 'contact_leader', [{ id: entry.id, version: 1 }]],
    ]);
    expect(log[1].grantId).toEqual(expect.any(String));
    expect(log.every((r: { at: string }) => r.at.startsWith('20'))).toBe(true);
    const first = await api.call('GET', `${dossierOf(accountId)}/access-log?limit=2`, coordinator.id);
    const rest = await api.call('GET', `${dossierOf(accountId)}/access-log?limit=2&cursor=${first.body.nextCursor}`, coordinator.id);
    expect([...first.body.items, ...rest.body.items]).toEqual(log);
    for (const as of [manager, leader, finance]) expect((await api.call('GET', `${dossierOf(accountId)}/access-log`, as.id)).status).toBe(403);
    // Writing is not reading: the sales manager's entry left no log record.
    expect(log.map((r: { readerId: string }) => r.readerId)).not.toContain(manager.id);
  });
});

describe('people leaving and changing places', () => {
  it('keeps a departed sales manager’s entries with the account, and refuses the departed person at once', async () => {
    // Prepare
    const leaving = await seedTrainedSalesManager();
    const accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, leaving.id)).id;
    const entry = await addEntry(accountId, leaving.id);
    // Act
    expect((await api.call('POST', `/v1/staff/${leaving.id}/departure`, coordinator.id, { body: { leftOn: '2026-06-30' } })).status).toBe(201);
    // Assess
    const read = await api.call('GET', dossierOf(accountId), leaving.id);
    expect(read.status).toBe(403);
    expect(read.body.type).toMatch(/\/staff-departed$/);
    expect((await api.call('POST', entriesOf(accountId), leaving.id, { body: { kind: 'note', title: 't', content: 'c' } })).status).toBe(403);
    const kept = await api.call('GET', dossierOf(accountId), contactLeader.id);
    expect(kept.body.items).toEqual([expect.objectContaining({ id: entry.id, createdBy: leaving.id })]);
  });

  it('moves implicit access with a reassignment: the old sales manager loses it at once, the new one reads and keeps the dossier', async () => {
    // Prepare
    const accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
    const entry = await addEntry(accountId, manager.id);
    // Act
    const reassigned = await api.call('POST', `/v1/accounts/${accountId}/reassignments`, coordinator.id, {
      body: { role: 'sales_manager', staffId: otherManager.id, effectiveOn: '2026-04-01', reason: 'unfit', handover: { items: ['客户档案'] } },
    });
    expect(reassigned.status).toBe(201);
    // Assess
    // The former sales manager still knows the account: refused (403), no longer let in.
    expect((await api.call('GET', dossierOf(accountId), manager.id)).body.type).toMatch(/\/dossier-grant-required$/);
    expect((await api.call('POST', entriesOf(accountId), manager.id, { body: { kind: 'note', title: 't', content: 'c' } })).body.type).toMatch(/\/dossier-kept-by-sales-manager$/);
    const read = await api.call('GET', dossierOf(accountId), otherManager.id);
    expect(read.status).toBe(200);
    expect(read.body.items.map((e: { id: string }) => e.id)).toEqual([entry.id]);
    const edited = await api.call('PATCH', `${entriesOf(accountId)}/${entry.id}`, otherManager.id, { body: { title: '董事长（交接后）' }, headers: { 'if-match': '"1"' } });
    expect(edited.body).toMatchObject({ version: 2, createdBy: manager.id, updatedBy: otherManager.id });
    expect((await accessLog(accountId)).map((r: { readerId: string; basis: string }) => [r.readerId, r.basis])).toEqual([[otherManager.id, 'sales_manager']]);
  });
});
