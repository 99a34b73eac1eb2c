import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '#shared/domain/dates.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/* Account news (issue 12 §4; domain.md §4, paper §4.3). */

let api: Api;
let coordinator: Staff;
let leader: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherManager: Staff;
let stranger: Staff;
let accountId: string;
const today = todayInShanghai();

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  leader = await seedStaff(['leadership']);
  contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  otherManager = await seedTrainedSalesManager();
  stranger = await seedStaff(['department_staff'], { department: '水利院' });
  accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
});
afterAll(() => api.close());

const news = () => `/v1/accounts/${accountId}/news`;
const body = (extra: object = {}) => ({ kind: 'business', happenedOn: '2026-03-01', source: '客户官网', summary: '客户中标海上风电项目', ...extra });

describe('account news', () => {
  it('is recorded by the account’s people or a coordinator, with support (what, who, when); exclusive ownership', async () => {
    const reply = await api.call('POST', news(), manager.id, { body: body({ support: [{ what: '派出技术专家协助投标', byStaffId: contactLeader.id, givenOn: '2026-02-20' }] }) });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ accountId, kind: 'business', happenedOn: '2026-03-01', recordedBy: manager.id, version: 1 });
    expect(reply.body.support).toEqual([{ id: expect.any(String), what: '派出技术专家协助投标', byStaffId: contactLeader.id, givenOn: '2026-02-20', recordedBy: manager.id, recordedAt: expect.any(String) }]);
    expect(reply.headers.get('location')).toBe(`${news()}?kind=business`);
    expect((await api.call('POST', news(), coordinator.id, { body: body() })).status).toBe(201);
    for (const as of [leader, otherManager]) expect((await api.call('POST', news(), as.id, { body: body() })).body.type).toMatch(/\/account-owned$/);
    expect((await api.call('POST', news(), stranger.id, { body: body() })).status).toBe(404);
    expect((await api.call('POST', news(), manager.id, { body: body({ happenedOn: addDays(today, 2) }) })).status).toBe(422);
    expect((await api.call('POST', news(), manager.id, { body: body({ kind: 'gossip' }) })).status).toBe(400);
  });

  it('adds support later, and lists the account’s feed newest first, by kind', async () => {
    const older = (await api.call('POST', news(), manager.id, { body: body({ kind: 'public_relations', happenedOn: '2026-01-10', summary: '年会' }) })).body;
    const newer = (await api.call('POST', news(), manager.id, { body: body({ kind: 'public_relations', happenedOn: '2026-02-10', summary: '发布会' }) })).body;
    const added = await api.call('POST', `${news()}/${older.id}/support`, contactLeader.id, { body: { what: '领导出席致辞', byStaffId: leader.id, givenOn: '2026-01-10' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ version: 2, support: [{ what: '领导出席致辞', byStaffId: leader.id }] });
    expect((await api.call('POST', `${news()}/NOSUCH/support`, manager.id, { body: { what: 'x', byStaffId: leader.id, givenOn: '2026-01-10' } })).status).toBe(404);
    expect((await api.call('POST', `${news()}/${older.id}/support`, manager.id, { body: { what: 'x', byStaffId: 'NOBODY', givenOn: '2026-01-10' } })).status).toBe(422);
    const feed = await api.call('GET', `${news()}?kind=public_relations`, leader.id);
    expect(feed.body.items.map((n: { id: string }) => n.id)).toEqual([newer.id, older.id]);
    expect((await api.call('GET', news(), otherManager.id)).status).toBe(403);
    expect((await api.call('GET', news(), stranger.id)).status).toBe(404);
  });

  it('feeds the coordination group every account’s news, newest first, of one kind or all', async () => {
    const n = (await api.call('POST', news(), manager.id, { body: body({ kind: 'product_strategy', happenedOn: today, summary: '发布新战略' }) })).body;
    const feed = await api.call('GET', '/v1/news?kind=product_strategy&limit=200', coordinator.id);
    expect(feed.status).toBe(200);
    expect(feed.body.items[0].id).toBe(n.id);
    expect(feed.body.items.every((x: { kind: string }) => x.kind === 'product_strategy')).toBe(true);
    const all = await api.call('GET', '/v1/news?limit=200', leader.id);
    const days = all.body.items.map((x: { happenedOn: string }) => x.happenedOn);
    expect(days).toEqual([...days].sort().reverse());
    expect((await api.call('GET', '/v1/news', manager.id)).status).toBe(403);
  });
});
