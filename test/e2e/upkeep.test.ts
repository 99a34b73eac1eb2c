import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedDeparted, seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
let leader: Staff;
let contactLeader: Staff;
let manager: Staff;
let otherManager: Staff;
let accountId: string;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  leader = await seedStaff(['leadership']);
  contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  otherManager = await seedTrainedSalesManager();
  accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
});
afterAll(() => api.close());

describe('visits', () => {
  it('records visits made by the caller and lists them by account and by person over a date range', async () => {
    const visit = (as: string, type: string, visitedOn: string) =>
      api.call('POST', `/v1/accounts/${accountId}/visits`, as, { body: { type, visitedOn, summary: '拜访客户总经理', participantIds: [contactLeader.id] } });
    const made = await visit(manager.id, 'routine_visit', '2026-01-15');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ madeBy: manager.id, type: 'routine_visit', participantIds: [contactLeader.id] });
    await visit(contactLeader.id, 'formal_visit', '2026-02-20');
    await visit(manager.id, 'routine_visit', '2026-04-01');

    const q1 = await api.call('GET', `/v1/accounts/${accountId}/visits?from=2026-01-01&to=2026-03-31`, contactLeader.id);
    expect(q1.body.items.map((v: { visitedOn: string }) => v.visitedOn)).toEqual(['2026-01-15', '2026-02-20']);
    const mine = await api.call('GET', `/v1/visits?staffId=${manager.id}&from=2026-01-01&to=2026-12-31`, manager.id);
    expect(mine.body.items.map((v: { visitedOn: string }) => v.visitedOn)).toEqual(['2026-01-15', '2026-04-01']);
    expect((await api.call('GET', `/v1/visits?staffId=${manager.id}&from=2026-01-01&to=2026-12-31`, otherManager.id)).status).toBe(403);
    expect((await api.call('GET', `/v1/visits?staffId=${manager.id}&from=2026-01-01&to=2026-12-31`, coordinator.id)).body.items).toHaveLength(2);
  });

  it('refuses visits on someone else’s key account (403 account-owned), in the future, or naming unknown people', async () => {
    const owned = await api.call('POST', `/v1/accounts/${accountId}/visits`, otherManager.id, { body: { type: 'routine_visit', visitedOn: '2026-01-15', summary: 'x' } });
    expect(owned.status).toBe(403);
    expect(owned.body.type).toMatch(/account-owned$/);
    const future = await api.call('POST', `/v1/accounts/${accountId}/visits`, manager.id, { body: { type: 'routine_visit', visitedOn: '2999-01-01', summary: 'x' } });
    expect(future.body.type).toMatch(/visit-in-future$/);
    const unknown = await api.call('POST', `/v1/accounts/${accountId}/visits`, manager.id, { body: { type: 'routine_visit', visitedOn: '2026-01-15', summary: 'x', participantIds: ['NOBODY'] } });
    expect(unknown.body.errors).toEqual([{ path: 'body.participantIds.0', message: 'no such staff member' }]);
    const bad = await api.call('POST', `/v1/accounts/${accountId}/visits`, manager.id, { body: { type: 'dinner', visitedOn: '2026-13-01', summary: '' } });
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.summary', 'body.type', 'body.visitedOn']);
    const theirs = await api.call('GET', `/v1/accounts/${accountId}/visits?from=2026-01-01&to=2026-03-31`, otherManager.id);
    expect(theirs.status).toBe(403);
    expect(theirs.body.type).toMatch(/account-owned$/);
  });
});

describe('monthly reports', () => {
  it('takes one report per account and month from its sales manager; a second is 409; amend with If-Match', async () => {
    const path = `/v1/accounts/${accountId}/reports`;
    const first = await api.call('POST', path, manager.id, { body: { month: '2026-01', summary: '一月回款正常', keyFigures: { visits: 2, 回款: '60万' } } });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`${path}/2026-01`);
    expect((await api.call('POST', path, manager.id, { body: { month: '2026-01', summary: 'again' } })).status).toBe(409);
    const notTheirs = await api.call('POST', path, otherManager.id, { body: { month: '2026-02', summary: 'x' } });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.type).toMatch(/account-owned$/);
    const notSm = await seedTrainedSalesManager(['contact_leader']);
    const other = await createKeyAccount(api, coordinator.id, notSm.id, otherManager.id);
    expect((await api.call('POST', `/v1/accounts/${other.id}/reports`, notSm.id, { body: { month: '2026-02', summary: 'x' } })).body.type).toMatch(/not-the-sales-manager$/);

    const amend = (ifMatch?: string) =>
      api.call('PATCH', `${path}/2026-01`, manager.id, { body: { summary: '一月回款正常（修订）' }, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
    expect((await amend()).status).toBe(428);
    expect((await amend('"1"')).body).toMatchObject({ summary: '一月回款正常（修订）', version: 2 });
    expect((await amend('"1"')).status).toBe(412);
    const listed = await api.call('GET', `${path}?from=2026-01&to=2026-12`, contactLeader.id);
    expect(listed.body.items.map((r: { month: string; version: number }) => [r.month, r.version])).toEqual([['2026-01', 2]]);
    expect((await api.call('POST', path, manager.id, { body: { month: '2026-1', summary: 'x' } })).body.errors[0].path).toBe('body.month');
  });
});

describe('meetings and action items', () => {
  it('records a meeting with attendees, accounts, decisions and action items; owners see and close their open items', async () => {
    const recorded = await api.call('POST', '/v1/meetings', coordinator.id, {
      body: {
        type: 'contact_leader_quarterly_review', heldOn: '2026-03-25', attendeeIds: [contactLeader.id, manager.id], accountIds: [accountId],
        minutes: '一季度复盘', decisions: ['加强回款'], actionItems: [{ action: '催收应收账款', ownerId: manager.id, dueOn: '2026-04-15' }],
      },
    });
    expect(recorded.status).toBe(201);
    const meeting = recorded.body;
    expect(meeting.actionItems).toEqual([expect.objectContaining({ action: '催收应收账款', ownerId: manager.id, done: false, doneOn: null })]);

    const listed = await api.call('GET', '/v1/meetings?type=contact_leader_quarterly_review&from=2026-01-01&to=2026-03-31', leader.id);
    expect(listed.body.items.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
    expect((await api.call('GET', `/v1/meetings/${meeting.id}`, contactLeader.id)).status).toBe(200);
    expect((await api.call('GET', `/v1/meetings/${meeting.id}`, otherManager.id)).status).toBe(404);
    expect((await api.call('GET', '/v1/meetings?type=special&from=2026-01-01&to=2026-03-31', manager.id)).status).toBe(403);

    const open = await api.call('GET', `/v1/action-items?ownerId=${manager.id}`, manager.id);
    expect(open.body.items).toEqual([expect.objectContaining({ meetingId: meeting.id, action: '催收应收账款', done: false })]);
    const itemId = meeting.actionItems[0].id;
    expect((await api.call('POST', `/v1/meetings/${meeting.id}/action-items/${itemId}/done`, otherManager.id, { body: { doneOn: '2026-04-10' } })).status).toBe(403);
    const done = await api.call('POST', `/v1/meetings/${meeting.id}/action-items/${itemId}/done`, manager.id, { body: { doneOn: '2026-04-10' } });
    expect(done.status).toBe(201);
    expect(done.body.actionItems[0]).toMatchObject({ done: true, doneOn: '2026-04-10' });
    expect((await api.call('GET', `/v1/action-items?ownerId=${manager.id}`, manager.id)).body.items).toEqual([]);
    expect((await api.call('POST', `/v1/meetings/${meeting.id}/action-items/${itemId}/done`, manager.id, { body: { doneOn: '2026-04-11' } })).status).toBe(422);
  });

  it('refuses unknown or departed attendees and unknown accounts, naming each', async () => {
    const gone = await seedDeparted(['contact_leader']);
    const reply = await api.call('POST', '/v1/meetings', coordinator.id, {
      body: { type: 'special', heldOn: '2026-03-01', attendeeIds: [gone.id, 'NOBODY'], accountIds: [(await createAccount(api, coordinator.id)).id] },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([
      { path: 'body.attendeeIds.0', message: 'left on 2026-01-31' },
      { path: 'body.attendeeIds.1', message: 'no such staff member' },
    ]);
    expect((await api.call('POST', '/v1/meetings', manager.id, { body: { type: 'special', heldOn: '2026-03-01', attendeeIds: [manager.id] } })).status).toBe(403);
  });
});

describe('the handover form', () => {
  it('lists what was open on the account, and the new sales manager confirms receipt once', async () => {
    const account = await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id);
    const opportunity = await api.call('POST', '/v1/opportunities', manager.id, { body: { accountId: account.id, title: '二期扩容', source: 'sales', estimatedAmount: 5_000 } });
    const won = await api.call('POST', '/v1/opportunities', manager.id, { body: { accountId: account.id, title: '一期', source: 'sales', estimatedAmount: 1 } });
    const [project] = (await api.call('POST', `/v1/opportunities/${won.body.id}/win`, manager.id, { body: { wonOn: '2026-01-10', projects: [{ name: '一期', department: '交付一部', contractAmount: 9_000 }] } })).body.projects;
    const invoice = await api.call('POST', `/v1/projects/${project.id}/invoices`, manager.id, { body: { amount: 9_000, issuedOn: '2026-02-01', dueOn: '2026-03-01' } });
    const meeting = await api.call('POST', '/v1/meetings', coordinator.id, {
      body: { type: 'special', heldOn: '2026-02-10', attendeeIds: [manager.id], accountIds: [account.id], actionItems: [{ action: '补充合同附件', ownerId: manager.id, dueOn: '2026-03-10' }] },
    });

    const entry = await api.call('POST', `/v1/accounts/${account.id}/dossier/entries`, manager.id, { body: { kind: 'contact', title: '客户联系人', content: '张总 13800000000' } });
    expect(entry.status).toBe(201);
    const reassigned = await api.call('POST', `/v1/accounts/${account.id}/reassignments`, coordinator.id, {
      body: { role: 'sales_manager', staffId: otherManager.id, effectiveOn: '2026-03-01', reason: 'unfit', handover: { items: ['客户档案'], openIssues: ['回款'] } },
    });
    expect(reassigned.status).toBe(201);
    const form = reassigned.body.handover;
    expect(form).toMatchObject({
      fromStaffId: manager.id,
      toStaffId: otherManager.id,
      dossierEntries: [{ id: entry.body.id, kind: 'contact', title: '客户联系人' }],
      openOpportunities: [{ id: opportunity.body.id, title: '二期扩容', stage: 'open', estimatedAmount: 5_000 }],
      openReceivables: [{ invoiceId: invoice.body.id, projectId: project.id, amount: 9_000, paidAmount: 0, dueOn: '2026-03-01' }],
      openActionItems: [{ meetingId: meeting.body.id, itemId: meeting.body.actionItems[0].id, action: '补充合同附件', ownerId: manager.id, dueOn: '2026-03-10' }],
      receipt: null,
    });

    const path = `/v1/accounts/${account.id}/handovers/${form.id}`;
    expect((await api.call('GET', path, otherManager.id)).body).toEqual(form);
    expect((await api.call('GET', `/v1/accounts/${account.id}/handovers`, coordinator.id)).body.items).toEqual([form]);
    expect((await api.call('POST', `${path}/receipt`, manager.id, { body: { receivedOn: '2026-03-02' } })).status).toBe(403);
    const receipt = await api.call('POST', `${path}/receipt`, otherManager.id, { body: { receivedOn: '2026-03-02', notes: '已核对' } });
    expect(receipt.status).toBe(201);
    expect(receipt.body.receipt).toMatchObject({ receivedBy: otherManager.id, receivedOn: '2026-03-02', notes: '已核对' });
    expect((await api.call('POST', `${path}/receipt`, otherManager.id, { body: { receivedOn: '2026-03-03' } })).status).toBe(409);
    // Another sales manager knows the account and is told it is owned; department staff with no tie are not told it exists.
    const stranger = await seedTrainedSalesManager();
    expect((await api.call('GET', path, stranger.id)).body.type).toMatch(/account-owned$/);
    const unrelated = await seedStaff(['department_staff'], { department: '无关部门' });
    expect((await api.call('GET', path, unrelated.id)).status).toBe(404);
  });
});
