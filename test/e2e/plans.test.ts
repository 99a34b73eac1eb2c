import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '#shared/domain/dates.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/* The account plan (一企一策, issue 12 §2; domain.md §4): holders draft, the contact leader approves, approved versions never change. */

let api: Api;
let coordinator: Staff;
let leader: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherLeader: Staff;
let otherManager: Staff;
let stranger: Staff;
let onSite: Staff;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  leader = await seedStaff(['leadership']);
  contactLeader = await seedStaff(['contact_leader']);
  otherLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  otherManager = await seedTrainedSalesManager();
  stranger = await seedStaff(['department_staff'], { department: '水利院' });
  onSite = await seedStaff(['department_staff'], { department: '交付一部' });
});
afterAll(() => api.close());

const today = todayInShanghai();
const plans = (accountId: string) => `/v1/accounts/${accountId}/plans`;
const newAccount = async () => (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
const situation = { strategy: '十四五数字化转型', businessLayout: '电网、新能源两大板块', challenges: '预算收紧', competitors: ['华为', '浪潮'] };
const objective = (extra: object = {}) => ({ title: '签订年度框架合同', ownerId: manager.id, dueOn: '2026-06-30', measure: '合同额 ≥ 3000 万', targetLink: { measure: 'contract', amount: 3_000_000_000 }, ...extra });
const draftBody = (extra: object = {}) => ({
  year: 2026, situation, objectives: [objective()], tailoredServices: ['驻场运维'], pricing: '框架价下浮 5%',
  onSiteStaff: [{ staffId: onSite.id, location: '客户总部 12 楼', from: '2026-03-01', to: '2026-12-31' }], ...extra,
});
const ok = async (reply: Promise<{ status: number; body: any; headers: Headers }>, status: number) => {
  const r = await reply;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r;
};

describe('one account’s plan from draft to approved to a second version', () => {
  it('walks the whole life: draft, edit, approve, revise, approve again; every version kept and readable', async () => {
    const accountId = await newAccount();
    // 1. The sales manager drafts version 1.
    const drafted = await ok(api.call('POST', plans(accountId), manager.id, { body: draftBody(), headers: { 'idempotency-key': `plan-${accountId}` } }), 201);
    expect(drafted.body).toMatchObject({ accountId, year: 2026, number: 1, status: 'draft', basedOn: null, version: 1, approvedBy: null });
    expect(drafted.body.objectives).toEqual([{ id: expect.any(String), ...objective(), status: 'not_started' }]);
    expect(drafted.headers.get('location')).toBe(`${plans(accountId)}/2026/versions/1`);
    expect(drafted.headers.get('etag')).toBe('"1"');
    // 2. The contact leader edits the draft (If-Match).
    const edited = await ok(api.call('PATCH', `${plans(accountId)}/2026/versions/1`, contactLeader.id, { body: { pricing: '框架价下浮 6%' }, headers: { 'if-match': '"1"' } }), 200);
    expect(edited.body).toMatchObject({ number: 1, status: 'draft', pricing: '框架价下浮 6%', version: 2 });
    // 3. The contact leader approves what they read: version 1 comes into force.
    const approved = await ok(api.call('POST', `${plans(accountId)}/2026/versions/1/approval`, contactLeader.id, { headers: { 'if-match': '"2"' } }), 201);
    expect(approved.body).toMatchObject({ number: 1, status: 'approved', approvedBy: contactLeader.id, version: 3 });
    // 4. A change starts version 2 as a draft copied from version 1; version 1 stays in force.
    const revised = await ok(api.call('POST', `${plans(accountId)}/2026/versions`, manager.id, { body: { tailoredServices: ['驻场运维', '专家巡检'] } }), 201);
    expect(revised.body).toMatchObject({ number: 2, status: 'draft', basedOn: 1, pricing: '框架价下浮 6%', tailoredServices: ['驻场运维', '专家巡检'], version: 1 });
    expect(revised.body.objectives).toEqual(approved.body.objectives);
    const during = await ok(api.call('GET', `${plans(accountId)}/2026`, leader.id), 200);
    expect(during.body).toMatchObject({ versions: 2, inForce: { number: 1, status: 'approved' }, draft: { number: 2, status: 'draft' } });
    // 5. Approving version 2 puts it in force; version 1 is kept as it was.
    await ok(api.call('POST', `${plans(accountId)}/2026/versions/2/approval`, contactLeader.id, { headers: { 'if-match': '"1"' } }), 201);
    const after = await ok(api.call('GET', `${plans(accountId)}/2026`, coordinator.id), 200);
    expect(after.body).toMatchObject({ versions: 2, inForce: { number: 2, status: 'approved' }, draft: null });
    const versions = await ok(api.call('GET', `${plans(accountId)}/2026/versions`, manager.id), 200);
    expect(versions.body.items.map((v: { number: number; status: string; tailoredServices: string[] }) => [v.number, v.status, v.tailoredServices])).toEqual([
      [1, 'approved', ['驻场运维']],
      [2, 'approved', ['驻场运维', '专家巡检']],
    ]);
    const v1 = await ok(api.call('GET', `${plans(accountId)}/2026/versions/1`, manager.id), 200);
    expect(v1.body).toEqual(approved.body);
    expect(v1.headers.get('etag')).toBe('"3"');
  });
});

describe('the approval rule', () => {
  it('is the account’s contact leader’s alone: the sales manager and coordinators 403 not-the-contact-leader, others who know it 403 account-owned, strangers 404', async () => {
    const accountId = await newAccount();
    await ok(api.call('POST', plans(accountId), manager.id, { body: draftBody() }), 201);
    const approval = `${plans(accountId)}/2026/versions/1/approval`;
    for (const as of [manager, coordinator]) {
      const reply = await api.call('POST', approval, as.id, { headers: { 'if-match': '"1"' } });
      expect(reply.status, as.roles.join()).toBe(403);
      expect(reply.body.type).toMatch(/\/not-the-contact-leader$/);
    }
    for (const as of [leader, otherLeader, otherManager]) {
      const reply = await api.call('POST', approval, as.id, { headers: { 'if-match': '"1"' } });
      expect(reply.status, as.roles.join()).toBe(403);
      expect(reply.body.type).toMatch(/\/account-owned$/);
    }
    expect((await api.call('POST', approval, stranger.id, { headers: { 'if-match': '"1"' } })).status).toBe(404);
  });

  it('refuses a stale version (412), no If-Match (428), an approved version again (409), an incomplete draft (422)', async () => {
    const accountId = await newAccount();
    await ok(api.call('POST', plans(accountId), manager.id, { body: draftBody() }), 201);
    await ok(api.call('PATCH', `${plans(accountId)}/2026/versions/1`, manager.id, { body: { pricing: '改' }, headers: { 'if-match': '"1"' } }), 200);
    const approval = `${plans(accountId)}/2026/versions/1/approval`;
    expect((await api.call('POST', approval, contactLeader.id)).status).toBe(428);
    const stale = await api.call('POST', approval, contactLeader.id, { headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    await ok(api.call('POST', approval, contactLeader.id, { headers: { 'if-match': '"2"' } }), 201);
    const again = await api.call('POST', approval, contactLeader.id, { headers: { 'if-match': '"3"' } });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/\/plan-version-approved$/);

    const thin = await newAccount();
    await ok(api.call('POST', plans(thin), contactLeader.id, { body: { year: 2026 } }), 201);
    const incomplete = await api.call('POST', `${plans(thin)}/2026/versions/1/approval`, contactLeader.id, { headers: { 'if-match': '"1"' } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.type).toMatch(/\/plan-incomplete$/);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toEqual(['situation', 'objectives']);
  });

  it('never changes an approved version: PATCH is 409, and a second draft while one is open is 409', async () => {
    const accountId = await newAccount();
    await ok(api.call('POST', plans(accountId), manager.id, { body: draftBody() }), 201);
    expect((await api.call('POST', `${plans(accountId)}/2026/versions`, manager.id)).status).toBe(409);
    await ok(api.call('POST', `${plans(accountId)}/2026/versions/1/approval`, contactLeader.id, { headers: { 'if-match': '"1"' } }), 201);
    const patched = await api.call('PATCH', `${plans(accountId)}/2026/versions/1`, manager.id, { body: { pricing: '偷偷改' }, headers: { 'if-match': '"2"' } });
    expect(patched.status).toBe(409);
    expect(patched.body.type).toMatch(/\/plan-version-approved$/);
    await ok(api.call('POST', `${plans(accountId)}/2026/versions`, manager.id), 201);
    const second = await api.call('POST', `${plans(accountId)}/2026/versions`, manager.id);
    expect(second.status).toBe(409);
    expect(second.body.type).toMatch(/\/plan-draft-open$/);
    expect((await api.call('GET', `${plans(accountId)}/2026/versions/1`, manager.id)).body.pricing).toBe('框架价下浮 5%');
  });
});

describe('drafting', () => {
  it('is for the account’s sales manager or contact leader: coordinators 403 not-a-holder, leadership and other sales people 403 account-owned, strangers 404', async () => {
    const accountId = await newAccount();
    const coord = await api.call('POST', plans(accountId), coordinator.id, { body: draftBody() });
    expect(coord.status).toBe(403);
    expect(coord.body.type).toMatch(/\/not-a-holder$/);
    for (const as of [leader, otherManager]) {
      const reply = await api.call('POST', plans(accountId), as.id, { body: draftBody() });
      expect(reply.status, as.roles.join()).toBe(403);
      expect(reply.body.type).toMatch(/\/account-owned$/);
    }
    expect((await api.call('POST', plans(accountId), stranger.id, { body: draftBody() })).status).toBe(404);
    expect((await api.call('GET', `${plans(accountId)}/2026`, stranger.id)).status).toBe(404);
  });

  it('keeps one plan per account and year (409), needs a key account (422), and checks owners, on-site staff and stakeholders (422)', async () => {
    const accountId = await newAccount();
    await ok(api.call('POST', plans(accountId), manager.id, { body: draftBody() }), 201);
    const twice = await api.call('POST', plans(accountId), manager.id, { body: draftBody() });
    expect(twice.status).toBe(409);
    expect(twice.body.type).toMatch(/\/plan-exists$/);
    const normal = await createAccount(api, manager.id);
    expect((await api.call('POST', plans(normal.id), manager.id, { body: draftBody() })).body.type).toMatch(/\/account-not-key$/);
    const other = await newAccount();
    const badOwner = await api.call('POST', plans(other), manager.id, { body: draftBody({ objectives: [objective(), objective({ ownerId: otherManager.id })] }) });
    expect(badOwner.status).toBe(422);
    expect(badOwner.body.errors).toEqual([{ path: 'body.objectives.1.ownerId', message: 'not the account’s contact leader or sales manager' }]);
    const badSite = await api.call('POST', plans(other), manager.id, { body: draftBody({ onSiteStaff: [{ staffId: 'NOBODY', location: '现场', from: '2026-01-01', to: '2026-02-01' }] }) });
    expect(badSite.body.errors).toEqual([{ path: 'body.onSiteStaff.0.staffId', message: 'no such staff member' }]);
    const badStakeholder = await api.call('POST', plans(other), manager.id, { body: draftBody({ stakeholderIds: ['NOSUCH'] }) });
    expect(badStakeholder.body.errors).toEqual([{ path: 'body.stakeholderIds.0', message: 'not a stakeholder of this account' }]);
    const backwards = await api.call('POST', plans(other), manager.id, { body: draftBody({ onSiteStaff: [{ staffId: onSite.id, location: '现场', from: '2026-05-01', to: '2026-02-01' }] }) });
    expect(backwards.status).toBe(400);
  });

  it('edits a draft with If-Match only: 428 without, 412 when stale, 404 for a version that does not exist', async () => {
    const accountId = await newAccount();
    await ok(api.call('POST', plans(accountId), manager.id, { body: draftBody() }), 201);
    const at = `${plans(accountId)}/2026/versions/1`;
    expect((await api.call('PATCH', at, manager.id, { body: { pricing: 'x' } })).status).toBe(428);
    expect((await api.call('PATCH', at, manager.id, { body: { pricing: 'x' }, headers: { 'if-match': '"7"' } })).status).toBe(412);
    expect((await api.call('PATCH', `${plans(accountId)}/2026/versions/9`, manager.id, { body: { pricing: 'x' }, headers: { 'if-match': '"1"' } })).status).toBe(404);
    expect((await api.call('GET', `${plans(accountId)}/2027`, manager.id)).status).toBe(404);
    expect((await api.call('GET', `${plans(accountId)}/2026/versions/0`, manager.id)).status).toBe(400);
  });
});

describe('overdue objectives and missing plans', () => {
  it('lists the objectives of the plan in force past due and not done or dropped', async () => {
    const accountId = await newAccount();
    const past = addDays(today, -3);
    await ok(api.call('POST', plans(accountId), manager.id, {
      body: draftBody({ objectives: [objective({ title: '逾期', dueOn: past }), objective({ title: '已完成', dueOn: past, status: 'done' }), objective({ title: '未到期', dueOn: addDays(today, 30) })] }),
    }), 201);
    expect((await ok(api.call('GET', `${plans(accountId)}/2026/overdue-objectives`, manager.id), 200)).body.items).toEqual([]);
    await ok(api.call('POST', `${plans(accountId)}/2026/versions/1/approval`, contactLeader.id, { headers: { 'if-match': '"1"' } }), 201);
    const overdue = await ok(api.call('GET', `${plans(accountId)}/2026/overdue-objectives`, coordinator.id), 200);
    expect(overdue.body.items.map((o: { number: number; objective: { title: string } }) => [o.number, o.objective.title])).toEqual([[1, '逾期']]);
  });

  it('shows coordinators the key accounts without an approved plan for the year, with any open draft', async () => {
    const none = await newAccount();
    const drafted = await newAccount();
    const approved = await newAccount();
    await ok(api.call('POST', plans(drafted), manager.id, { body: draftBody({ year: 2031 }) }), 201);
    await ok(api.call('POST', plans(approved), manager.id, { body: draftBody({ year: 2031 }) }), 201);
    await ok(api.call('POST', `${plans(approved)}/2031/versions/1/approval`, contactLeader.id, { headers: { 'if-match': '"1"' } }), 201);
    const missing: { accountId: string; draft: number | null }[] = [];
    let cursor: string | null = null;
    do {
      const reply = await ok(api.call('GET', `/v1/account-plans/missing?year=2031&limit=200${cursor === null ? '' : `&cursor=${cursor}`}`, coordinator.id), 200);
      missing.push(...reply.body.items);
      cursor = reply.body.nextCursor;
    } while (cursor !== null);
    expect(missing.find((m) => m.accountId === none)).toMatchObject({ year: 2031, draft: null });
    expect(missing.find((m) => m.accountId === drafted)).toMatchObject({ draft: 1 });
    expect(missing.find((m) => m.accountId === approved)).toBeUndefined();
    expect((await api.call('GET', '/v1/account-plans/missing?year=2031', manager.id)).status).toBe(403);
  });
});

describe('handover and compliance see the loyalty work', () => {
  it('lists the open objectives, open requests and stakeholders on the handover form, and compliance says whether the year’s plan is approved', async () => {
    // Arrange: a key account with an approved 2026 plan, an open request and a stakeholder; another with a draft only.
    const accountId = await newAccount();
    const year = Number(today.slice(0, 4));
    const stakeholder = (await ok(api.call('POST', `/v1/accounts/${accountId}/stakeholders`, manager.id, {
      body: { name: '赵总', title: '总经理', decisionRole: 'decision_maker', influence: 5, relationshipStrength: 4, relationshipOwnerId: contactLeader.id },
    }), 201)).body;
    await ok(api.call('POST', plans(accountId), manager.id, {
      body: draftBody({ year, objectives: [objective({ title: '进行中', status: 'in_progress' }), objective({ title: '已完成', status: 'done' })] }),
    }), 201);
    await ok(api.call('POST', `${plans(accountId)}/${year}/versions/1/approval`, contactLeader.id, { headers: { 'if-match': '"1"' } }), 201);
    const request = (await ok(api.call('POST', `/v1/accounts/${accountId}/requests`, manager.id, {
      body: { kind: 'capability', summary: '需要数据中心能力', department: '交付一部', dueOn: addDays(today, 5) },
    }), 201)).body;
    const draftOnly = await newAccount();
    await ok(api.call('POST', plans(draftOnly), manager.id, { body: draftBody({ year }) }), 201);
    // Act
    const moved = await ok(api.call('POST', `/v1/accounts/${accountId}/reassignments`, coordinator.id, {
      body: { role: 'sales_manager', staffId: otherManager.id, effectiveOn: today, reason: 'other', handover: { items: ['客户档案'] } },
    }), 201);
    const rows: { accountId: string; plan: unknown }[] = [];
    let cursor: string | null = null;
    do {
      const reply = await ok(api.call('GET', `/v1/compliance?period=${year}&limit=200${cursor === null ? '' : `&cursor=${cursor}`}`, coordinator.id), 200);
      rows.push(...reply.body.accounts);
      cursor = reply.body.nextCursor;
    } while (cursor !== null);
    // Assess
    expect(moved.body.handover.openObjectives).toEqual([{ year, number: 1, id: expect.any(String), title: '进行中', ownerId: manager.id, dueOn: '2026-06-30', status: 'in_progress' }]);
    expect(moved.body.handover.openRequests).toEqual([{ id: request.id, kind: 'capability', department: '交付一部', dueOn: request.dueOn, status: 'open' }]);
    expect(moved.body.handover.stakeholders).toEqual([{ id: stakeholder.id, name: '赵总', title: '总经理', decisionRole: 'decision_maker', relationshipOwnerId: contactLeader.id }]);
    expect(rows.find((r) => r.accountId === accountId)?.plan).toEqual({ year, approved: true, inForce: 1 });
    expect(rows.find((r) => r.accountId === draftOnly)?.plan).toEqual({ year, approved: false, inForce: null });
  });
});
