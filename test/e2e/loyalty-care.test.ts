import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { runMonthlyCompliance } from '#shared/usecases/alerts.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/*
 * Loyalty, part 2 (issue 13) through the HTTP API: feedback deadlines in working days
 * (a weekend and the National Day holidays), a complaint's whole life and its reopening,
 * the overdue list and the monthly alerts, four-eyes incentives and their overlap, a
 * pilot's key-account-first window, satisfaction into a certification and the bulletin,
 * and the health figure of a worked example computed by hand.
 */

let api: Api;
let c1: Staff;
let c2: Staff;
let leader: Staff;
let finance: Staff;
let cl: Staff;
let sm: Staff;
let sm2: Staff;
/** Key account A (cl, sm): feedback, incentives, pilots. */
let a: string;
/** Key account H (cl, sm): the health worked example. */
let h: string;
let b: string;
let n: string;
let stakeholderA: string;
let stakeholdersH: string[] = [];
let wonOnA: string;

const ok = async (reply: Promise<{ status: number; body: any }>, what: string, status = 201) => {
  const r = await reply;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const addStakeholder = async (accountId: string, name: string, decisionRole = 'decision_maker') =>
  (await ok(api.call('POST', `/v1/accounts/${accountId}/stakeholders`, sm.id, { body: { name, title: '总经理', decisionRole, influence: 5, relationshipStrength: 4, relationshipOwnerId: sm.id } }), 'stakeholder')).id as string;
const win = async (accountId: string, wonOn: string, contractAmount: number, estimatedAmount = contractAmount) => {
  const opp = await ok(api.call('POST', '/v1/opportunities', sm.id, { body: { accountId, title: '智慧园区', source: 'sales', estimatedAmount } }), 'opportunity');
  const won = await ok(api.call('POST', `/v1/opportunities/${opp.id}/win`, sm.id, { body: { wonOn, projects: [{ name: '园区一期', department: '交付一部', contractAmount }] } }), 'win');
  return { opportunityId: opp.id as string, projectId: won.projects[0].id as string };
};

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  c1 = await seedStaff(['coordinator'], { department: '市场协同小组' });
  c2 = await seedStaff(['coordinator'], { department: '市场协同小组' });
  leader = await seedStaff(['leadership']);
  finance = await seedStaff(['finance'], { department: '财务部' });
  cl = await seedStaff(['contact_leader']);
  sm = await seedTrainedSalesManager();
  sm2 = await seedTrainedSalesManager();
  a = (await createKeyAccount(api, c1.id, cl.id, sm.id, '2026-01-01')).id;
  h = (await createKeyAccount(api, c1.id, cl.id, sm.id, '2026-01-01')).id;
  b = (await createKeyAccount(api, c1.id, cl.id, sm2.id, '2026-01-01')).id;
  n = (await createAccount(api, c1.id)).id;
  stakeholderA = await addStakeholder(a, '张总');
  stakeholdersH = [await addStakeholder(h, '李总'), await addStakeholder(h, '王主任', 'influencer')];
  // 2026: National Day 1–7 October off, Sunday 27 September and Saturday 10 October worked (调休).
  await ok(
    api.call('PUT', '/v1/holiday-calendars/2026', c1.id, { body: { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-09-27', '2026-10-10'] } }),
    'calendar',
  );
}, 120_000);
afterAll(() => api.close());

describe('the holiday calendar', () => {
  it('is set per year by a coordinator, with If-Match once it exists, and refuses a day of another year', async () => {
    const read = await ok(api.call('GET', '/v1/holiday-calendars/2026', sm.id), 'read', 200);
    expect(read).toMatchObject({ year: 2026, workdays: ['2026-09-27', '2026-10-10'], version: 1 });
    expect((await api.call('PUT', '/v1/holiday-calendars/2026', c1.id, { body: { holidays: [] } })).status).toBe(428);
    expect((await api.call('PUT', '/v1/holiday-calendars/2026', sm.id, { body: { holidays: [] } })).status).toBe(403);
    const wrong = await api.call('PUT', '/v1/holiday-calendars/2027', c1.id, { body: { holidays: ['2026-12-31'] } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([{ path: 'body.holidays.0', message: 'must be a day of 2027' }]);
  });
});

describe('the loyalty policy', () => {
  it('sets a year’s deadlines by severity (the defaults until then), and an item received in that year counts by it, across the new year', async () => {
    expect((await ok(api.call('GET', '/v1/loyalty-policies/2025', sm.id), 'defaults', 200)).deadlines.critical).toEqual({ acknowledge: 1, reportBack: 5 });
    const bad = await api.call('PUT', '/v1/loyalty-policies/2025', leader.id, { body: { deadlines: { critical: { acknowledge: 7, reportBack: 6 } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'body.deadlines.critical.acknowledge', message: 'must not be after reportBack' }]);
    const set = await ok(api.call('PUT', '/v1/loyalty-policies/2025', leader.id, { body: { deadlines: { critical: { acknowledge: 3, reportBack: 6 } }, pilotKeyAccountDays: 7 } }), 'policy');
    expect(set).toMatchObject({ year: 2025, deadlines: { critical: { acknowledge: 3, reportBack: 6 }, high: { acknowledge: 2, reportBack: 10 } }, pilotKeyAccountDays: 7, version: 1 });
    // Tuesday 30 December 2025: 31 Dec, 1 and 2 Jan (no 2026 holiday set for New Year here) → 2 Jan; then 5, 6, 7 Jan.
    const item = await ok(api.call('POST', `/v1/accounts/${a}/feedback`, cl.id, { body: { kind: 'complaint', severity: 'critical', receivedOn: '2025-12-30', summary: '年末账单错误' } }), 'feedback');
    expect(item).toMatchObject({ acknowledgeBy: '2026-01-02', reportBackBy: '2026-01-07' });
  });
});

describe('feedback on a deadline', () => {
  it('counts the deadlines in working days across a weekend', async () => {
    // Friday 6 March 2026, high: acknowledge within 2 working days (Tue 10), report back within 10 (Fri 20).
    const item = await ok(api.call('POST', `/v1/accounts/${a}/feedback`, sm.id, { body: { kind: 'suggestion', severity: 'high', receivedOn: '2026-03-06', stakeholderId: stakeholderA, summary: '希望增加月度对账' } }), 'feedback');
    expect(item).toMatchObject({ status: 'received', acknowledgeBy: '2026-03-10', reportBackBy: '2026-03-20', stakeholderId: stakeholderA });
  });

  it('takes a complaint through its whole life across the National Day holidays, and reopens it only with a dated reason', async () => {
    const record = (body: object) => api.call('POST', `/v1/accounts/${a}/feedback`, sm.id, { body });
    // Wednesday 30 September, critical: acknowledge within 1 working day — 1–7 October are off, so Thursday 8 October;
    // report back within 5: 8, 9, Saturday 10 (worked), 12, 13 October.
    const received = await ok(record({ kind: 'complaint', severity: 'critical', receivedOn: '2026-09-30', stakeholderId: stakeholderA, department: '交付一部', summary: '机房设备连续宕机', details: '客户反映本周三次宕机' }), 'complaint');
    expect(received).toMatchObject({ status: 'received', acknowledgeBy: '2026-10-08', reportBackBy: '2026-10-13' });
    const id = received.id as string;
    const step = (body: object, as = sm.id) => api.call('POST', `/v1/feedback/${id}/steps`, as, { body });

    await ok(step({ step: 'acknowledged', on: '2026-10-08', note: '已致电客户确认' }), 'acknowledged');
    const noPlan = await step({ step: 'rectifying', on: '2026-10-09' });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.errors).toEqual([{ path: 'body.plan', message: 'required for the step rectifying' }]);
    await ok(step({ step: 'rectifying', on: '2026-10-09', plan: { actions: ['更换故障电源模块', '加派驻场工程师'], ownerId: sm.id, dueOn: '2026-10-12' } }), 'rectifying');
    await ok(step({ step: 'rectified', on: '2026-10-12', result: '电源模块已更换，连续72小时无故障' }), 'rectified');
    await ok(step({ step: 'reported_back', on: '2026-10-13', customerResponse: '客户认可整改结果', satisfaction: 4 }), 'reported back');
    const closed = await ok(step({ step: 'closed', on: '2026-10-14' }, c1.id), 'closed');
    expect(closed.status).toBe('closed');

    // A closed item does not move silently: only a reopening, with its reason.
    const again = await step({ step: 'acknowledged', on: '2026-10-15' });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/feedback-step-out-of-order$/);
    expect((await step({ step: 'reopened', on: '2026-10-20' })).status).toBe(400);
    const early = await step({ step: 'reopened', on: '2026-10-13', reason: '问题复现' });
    expect(early.status).toBe(422);
    expect(early.body.type).toMatch(/step-before-last$/);
    // Reopened on Tuesday 20 October: a new report back within 5 working days, Tuesday 27 October.
    const reopened = await ok(step({ step: 'reopened', on: '2026-10-20', reason: '10月19日再次宕机' }), 'reopened');
    expect(reopened).toMatchObject({ status: 'rectifying', reportBackBy: '2026-10-27', result: null, satisfaction: null });
    await ok(step({ step: 'rectified', on: '2026-10-22', result: '更换整机并升级固件' }), 'rectified again');
    await ok(step({ step: 'reported_back', on: '2026-10-23', customerResponse: '客户满意', satisfaction: 5 }), 'reported back again');
    await ok(step({ step: 'closed', on: '2026-10-26' }, c1.id), 'closed again');

    const life = await ok(api.call('GET', `/v1/feedback/${id}`, cl.id), 'read', 200);
    expect(life.steps.map((s: { step: string; on: string; by: string; note: string | null }) => [s.step, s.on, s.by === sm.id ? 'sm' : s.by === c1.id ? 'c1' : s.by, s.note])).toEqual([
      ['received', '2026-09-30', 'sm', null],
      ['acknowledged', '2026-10-08', 'sm', '已致电客户确认'],
      ['rectifying', '2026-10-09', 'sm', null],
      ['rectified', '2026-10-12', 'sm', null],
      ['reported_back', '2026-10-13', 'sm', null],
      ['closed', '2026-10-14', 'c1', null],
      ['reopened', '2026-10-20', 'sm', '10月19日再次宕机'],
      ['rectified', '2026-10-22', 'sm', null],
      ['reported_back', '2026-10-23', 'sm', null],
      ['closed', '2026-10-26', 'c1', null],
    ]);
    expect(life).toMatchObject({ status: 'closed', plan: { actions: ['更换故障电源模块', '加派驻场工程师'], ownerId: sm.id, dueOn: '2026-10-12' }, result: '更换整机并升级固件', customerResponse: '客户满意', satisfaction: 5, overdue: null });
    console.log(`complaint ${id}: ${life.steps.map((s: { step: string; on: string }) => `${s.step} ${s.on}`).join(' → ')}; deadlines acknowledge ${life.acknowledgeBy}, report back ${life.reportBackBy}`);
    // A sales manager of another account knows the account and is refused; a stranger is not told it exists.
    expect((await api.call('GET', `/v1/feedback/${id}`, sm2.id)).status).toBe(403);
    expect((await api.call('GET', `/v1/feedback/${id}`, (await seedStaff(['department_staff'], { department: '水利院' })).id)).status).toBe(404);
  });

  it('refuses a stakeholder or a project of another account', async () => {
    const reply = await api.call('POST', `/v1/accounts/${a}/feedback`, sm.id, { body: { kind: 'complaint', severity: 'low', receivedOn: '2026-11-02', stakeholderId: stakeholdersH[0], summary: '发票延迟' } });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([{ path: 'body.stakeholderId', message: 'not a stakeholder of this account' }]);
    const { projectId } = await win(h, '2026-04-01', 1_000_000);
    const project = await api.call('POST', `/v1/accounts/${a}/feedback`, sm.id, { body: { kind: 'complaint', severity: 'low', receivedOn: '2026-11-02', projectId, summary: '发票延迟' } });
    expect(project.status).toBe(422);
    expect(project.body.errors).toEqual([{ path: 'body.projectId', message: 'not a project of this account' }]);
  });

  it('lists what is overdue, from the day after its deadline, and the monthly job alerts the account’s people and the coordination group', async () => {
    // Monday 2 November, medium: acknowledge by Thursday 5 November.
    const item = await ok(api.call('POST', `/v1/accounts/${b}/feedback`, sm2.id, { body: { kind: 'complaint', severity: 'medium', receivedOn: '2026-11-02', summary: '回款对账单错误' } }), 'feedback');
    expect(item.acknowledgeBy).toBe('2026-11-05');
    const onDeadline = await ok(api.call('GET', '/v1/overdue-feedback?asOf=2026-11-05&limit=200', c1.id), 'list', 200);
    expect(onDeadline.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    const after = await ok(api.call('GET', '/v1/overdue-feedback?asOf=2026-11-09&limit=200', leader.id), 'list', 200);
    expect(after.items.find((i: { id: string }) => i.id === item.id).overdue).toEqual({ stage: 'acknowledge', dueOn: '2026-11-05', workingDaysLate: 2 });
    expect((await api.call('GET', '/v1/overdue-feedback', sm.id)).status).toBe(403);

    const job = await runMonthlyCompliance('2026-11', new Date().toISOString());
    // The job also figures the quarter's health again for the ranked list: every key account here (A, H, B).
    expect(job.healthFigured).toBe(3);
    const q4 = await ok(api.call('GET', '/v1/health?period=2026-Q4', c1.id), 'ranked', 200);
    expect(q4.items.map((x: { accountId: string }) => x.accountId).sort()).toEqual([a, h, b].sort());
    for (const who of [sm2, cl, c1, c2]) {
      const alerts = await ok(api.call('GET', `/v1/alerts?staffId=${who.id}&month=2026-11`, c1.id), 'alerts', 200);
      expect(alerts.items.filter((x: { kind: string; accountId: string }) => x.kind === 'feedback_overdue' && x.accountId === b), who.id).toEqual([
        expect.objectContaining({ accountId: b, kind: 'feedback_overdue', required: 1, done: 0, missing: 1 }),
      ]);
    }
    // Acknowledged, it waits on the report back (by 23 November) and is no longer overdue on the 9th.
    await ok(api.call('POST', `/v1/feedback/${item.id}/steps`, sm2.id, { body: { step: 'acknowledged', on: '2026-11-09' } }), 'acknowledged');
    const later = await ok(api.call('GET', '/v1/overdue-feedback?asOf=2026-11-09&limit=200', c1.id), 'list', 200);
    expect(later.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
  });
});

describe('customer incentives', () => {
  it('are approved by a second person, never two approved ones of a kind overlapping, and cost what the year’s wins say', async () => {
    wonOnA = '2026-02-10';
    const won = await win(a, wonOnA, 5_000_000);
    const propose = (body: object, as = sm.id) => api.call('POST', `/v1/accounts/${a}/incentives`, as, { body });
    const approve = (id: string, as: string) => api.call('POST', `/v1/incentives/${id}/approval`, as);
    const noRate = await propose({ kind: 'discount', validFrom: '2026-01-01', validTo: '2026-06-30', description: '年度折扣' });
    expect(noRate.status).toBe(400);
    expect(noRate.body.errors).toEqual([{ path: 'body.rateBasisPoints', message: 'required for a discount' }]);

    const first = await ok(propose({ kind: 'discount', rateBasisPoints: 500, validFrom: '2026-01-01', validTo: '2026-06-30', description: '上半年5%折扣' }, c1.id), 'discount');
    expect(first.status).toBe('proposed');
    const own = await approve(first.id, c1.id);
    expect(own.status).toBe(403);
    expect(own.body.type).toMatch(/four-eyes$/);
    expect((await approve(first.id, sm.id)).status).toBe(403);
    expect(await ok(approve(first.id, c2.id), 'approve')).toMatchObject({ status: 'approved', approvedBy: c2.id });
    expect((await approve(first.id, leader.id)).status).toBe(409);

    const overlapping = await ok(propose({ kind: 'discount', rateBasisPoints: 800, validFrom: '2026-06-01', validTo: '2026-12-31', description: '下半年8%折扣' }), 'second');
    const clash = await approve(overlapping.id, c2.id);
    expect(clash.status).toBe(409);
    expect(clash.body.type).toMatch(/incentive-overlap$/);
    const next = await ok(propose({ kind: 'discount', rateBasisPoints: 300, validFrom: '2026-07-01', validTo: '2026-12-31', description: '下半年3%折扣' }), 'third');
    await ok(approve(next.id, leader.id), 'approve third');
    const rebate = await ok(propose({ kind: 'rebate', amount: 100_000, validFrom: '2026-01-01', validTo: '2026-12-31', description: '年度返利' }), 'rebate');
    await ok(approve(rebate.id, c2.id), 'approve rebate');
    await ok(propose({ kind: 'reward', rule: '回款提前30天奖励0.5%', validFrom: '2026-01-01', validTo: '2026-12-31', description: '回款奖励' }), 'reward (left proposed)');

    // 5 % of the 5,000,000 fen won on 10 February, and the rebate's 100,000 fen.
    const cost = await ok(api.call('GET', `/v1/accounts/${a}/incentive-cost?year=2026`, finance.id), 'cost', 200);
    expect(cost).toMatchObject({ accountId: a, year: 2026, contractAmount: 5_000_000, costAmount: 350_000 });
    expect(cost.lines).toEqual(
      expect.arrayContaining([
        { incentiveId: first.id, kind: 'discount', costAmount: 250_000, basis: '500 bp of 5000000 fen won in 1 project(s) while in force' },
        { incentiveId: next.id, kind: 'discount', costAmount: 0, basis: '300 bp of 0 fen won in 0 project(s) while in force' },
        { incentiveId: rebate.id, kind: 'rebate', costAmount: 100_000, basis: '100000 fen, in force in 2026' },
      ]),
    );
    const costZh = await ok(api.call('GET', `/v1/accounts/${a}/incentive-cost?year=2026`, finance.id, { headers: { 'accept-language': 'zh-CN' } }), 'cost zh', 200);
    expect(costZh.costAmount).toBe(350_000);
    expect(costZh.lines.map((l: { basis: string }) => l.basis).sort()).toEqual(
      ['有效期内签约 1 个项目共 5000000 分的 500 个基点', '有效期内签约 0 个项目共 0 分的 300 个基点', '100000 分，2026 年有效'].sort(),
    );
    // The opportunity and project views show the discount in force on the day they were won.
    const inForce = { incentiveId: first.id, rateBasisPoints: 500, validFrom: '2026-01-01', validTo: '2026-06-30' };
    expect((await ok(api.call('GET', `/v1/opportunities/${won.opportunityId}`, sm.id), 'opportunity', 200)).discountInForce).toEqual(inForce);
    expect((await ok(api.call('GET', `/v1/projects/${won.projectId}`, cl.id), 'project', 200)).discountInForce).toEqual(inForce);
    const listed = await ok(api.call('GET', `/v1/accounts/${a}/incentives`, cl.id), 'list', 200);
    expect(listed.items).toHaveLength(5);
  });
});

describe('pilots', () => {
  it('are offered to key accounts first: a normal account enrolled inside the window is refused (422), and capacity holds (409)', async () => {
    const pilot = await ok(api.call('POST', '/v1/pilots', c1.id, { body: { name: '5G专网试点', description: '为大客户提供5G专网', department: '网络部', from: '2026-11-20', to: '2027-03-31', capacity: 2 } }), 'pilot');
    // The default policy's 14 days: 20 November to 3 December.
    expect(pilot).toMatchObject({ keyAccountsOnlyUntil: '2026-12-03', enrolled: 0 });
    const enrol = (accountId: string, enrolledOn: string) => api.call('POST', `/v1/pilots/${pilot.id}/enrolments`, c1.id, { body: { accountId, enrolledOn } });
    const early = await enrol(n, '2026-11-25');
    expect(early.status).toBe(422);
    expect(early.body.type).toMatch(/pilot-key-accounts-first$/);
    expect(early.body.errors).toEqual([{ path: 'body.accountId', message: 'only key accounts may be enrolled until 2026-12-03' }]);
    await ok(api.call('POST', `/v1/pilots/${pilot.id}/offers`, sm.id, { body: { accountId: a, offeredOn: '2026-11-20', answer: 'accepted' } }), 'offer');
    expect(await ok(enrol(a, '2026-11-25'), 'key account')).toMatchObject({ accountId: a, tier: 'key' });
    expect((await enrol(a, '2026-11-26')).status).toBe(409);
    await ok(enrol(n, '2026-12-04'), 'normal after the window');
    const full = await enrol(b, '2026-12-05');
    expect(full.status).toBe(409);
    expect(full.body.type).toMatch(/pilot-full$/);

    const notOffered = await ok(api.call('GET', `/v1/pilots/${pilot.id}/not-offered?limit=200`, c1.id), 'not offered', 200);
    const ids = notOffered.accounts.map((x: { accountId: string }) => x.accountId);
    expect(ids).toEqual(expect.arrayContaining([h, b]));
    expect(ids).not.toContain(a);
    expect(ids).not.toContain(n);

    const opportunity = await win(a, '2026-11-28', 2_000_000);
    const done = await ok(api.call('POST', `/v1/pilots/${pilot.id}/outcome`, c1.id, { body: { summary: '客户试用良好', adoption: 'adopted', opportunityIds: [opportunity.opportunityId], recordedOn: '2026-12-01' } }), 'outcome');
    expect(done.outcome).toMatchObject({ adoption: 'adopted', revenueAmount: 2_000_000 });
    expect(done.enrolled).toBe(2);
    expect((await api.call('POST', `/v1/pilots/${pilot.id}/outcome`, c1.id, { body: { summary: '再次', adoption: 'adopted', recordedOn: '2026-12-01' } })).status).toBe(409);
  });
});

describe('the executive forum', () => {
  it('records the customer executives who attended, and compliance shows the year’s forum and whose executives came', async () => {
    const forum = (body: object) => api.call('POST', '/v1/meetings', c1.id, { body: { type: 'executive_forum', heldOn: '2026-11-18', attendeeIds: [c1.id, cl.id], accountIds: [a, h], minutes: '年度高层座谈会', ...body } });
    const outside = await forum({ customerExecutives: [{ accountId: b, stakeholderId: stakeholderA }] });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([{ path: 'body.customerExecutives.0.accountId', message: 'not one of the meeting’s accountIds' }]);
    const wrongPerson = await forum({ customerExecutives: [{ accountId: a, stakeholderId: stakeholdersH[0] }] });
    expect(wrongPerson.status).toBe(422);
    expect(wrongPerson.body.errors).toEqual([{ path: 'body.customerExecutives.0.stakeholderId', message: 'not a stakeholder of this account' }]);
    const monthly = await api.call('POST', '/v1/meetings', c1.id, { body: { type: 'coordination_monthly', heldOn: '2026-11-18', attendeeIds: [c1.id], accountIds: [a], customerExecutives: [{ accountId: a, stakeholderId: stakeholderA }] } });
    expect(monthly.status).toBe(422);

    const before = await ok(api.call('GET', '/v1/compliance/executive-forum?year=2026', leader.id), 'forum', 200);
    expect(before).toEqual({ year: 2026, held: false, forums: [], accountsAttended: [] });
    const held = await ok(forum({ customerExecutives: [{ accountId: a, stakeholderId: stakeholderA }, { accountId: h, stakeholderId: stakeholdersH[0] }] }), 'forum');
    expect(held.customerExecutives).toEqual([{ accountId: a, stakeholderId: stakeholderA }, { accountId: h, stakeholderId: stakeholdersH[0] }]);
    const after = await ok(api.call('GET', '/v1/compliance/executive-forum?year=2026', c1.id), 'forum', 200);
    expect(after).toEqual({ year: 2026, held: true, forums: [{ meetingId: held.id, heldOn: '2026-11-18', accountIds: [a, h], customerExecutiveIds: [stakeholderA, stakeholdersH[0]] }], accountsAttended: [a, h].sort() });
    // The coordination group's cadence: the forum is due once in the year, and c1 attended it.
    const cadence = await ok(api.call('GET', '/v1/compliance?period=2026', c1.id), 'compliance', 200);
    expect(cadence.bodies.find((x: { meetingType: string }) => x.meetingType === 'executive_forum')).toEqual({
      body: 'coordination_group', meetingType: 'executive_forum', required: 1, held: 1, missing: 0, absent: [c2.id],
    });
  });
});

describe('satisfaction and account health', () => {
  it('gives the worked example’s health figure, part by part as computed by hand, and carries it into the certification, the ranked list and the bulletin', async () => {
    // Targets: 10,000,000 fen of contract in Q1.
    await ok(api.call('PUT', `/v1/accounts/${h}/targets/2026`, c1.id, {
      body: { contractAmount: 40_000_000, collectionAmount: 40_000_000, quarters: { contract: [10_000_000, 10_000_000, 10_000_000, 10_000_000], collection: [10_000_000, 10_000_000, 10_000_000, 10_000_000] } },
    }), 'targets', 201);
    // Visits: the sales manager owes 3 in Q1 and makes 2; the contact leader owes 1 formal visit and makes it: 3 of 4.
    for (const visitedOn of ['2026-01-15', '2026-02-10']) await ok(api.call('POST', `/v1/accounts/${h}/visits`, sm.id, { body: { type: 'routine_visit', visitedOn, summary: '例行拜访' } }), 'visit');
    await ok(api.call('POST', `/v1/accounts/${h}/visits`, cl.id, { body: { type: 'formal_visit', visitedOn: '2026-03-05', summary: '高层拜访' } }), 'visit');
    // Reports: 2 of the 3 months.
    for (const month of ['2026-01', '2026-02']) await ok(api.call('POST', `/v1/accounts/${h}/reports`, sm.id, { body: { month, summary: '月报' } }), 'report');
    // Won 5,000,000 on 10 February; 2,500,000 still open: pipeline 7,500,000 of 10,000,000.
    const { projectId } = await win(h, '2026-02-10', 5_000_000);
    await ok(api.call('POST', '/v1/opportunities', sm.id, { body: { accountId: h, title: '二期扩容', source: 'sales', estimatedAmount: 2_500_000 } }), 'open opportunity');
    // Receivables: 1,000,000 due 15 March unpaid, 3,000,000 due 30 June: 1,000,000 overdue of 4,000,000 open on 31 March.
    await ok(api.call('POST', `/v1/projects/${projectId}/invoices`, finance.id, { body: { amount: 1_000_000, issuedOn: '2026-02-15', dueOn: '2026-03-15' } }), 'invoice');
    await ok(api.call('POST', `/v1/projects/${projectId}/invoices`, finance.id, { body: { amount: 3_000_000, issuedOn: '2026-03-01', dueOn: '2026-06-30' } }), 'invoice');
    // One critical complaint of 2 March never acknowledged: overdue since 3 March.
    await ok(api.call('POST', `/v1/accounts/${h}/feedback`, sm.id, { body: { kind: 'complaint', severity: 'critical', receivedOn: '2026-03-02', summary: '网络中断' } }), 'complaint');
    // The 2026 plan, approved by the contact leader: of its objectives due by 31 March one is done, one is not.
    const objectives = [
      { title: '签订框架合同', ownerId: sm.id, dueOn: '2026-03-15', measure: '合同额', status: 'done' },
      { title: '完成需求调研', ownerId: cl.id, dueOn: '2026-03-31', measure: '调研报告', status: 'in_progress' },
      { title: '二期立项', ownerId: sm.id, dueOn: '2026-09-30', measure: '立项批复', status: 'not_started' },
    ];
    const situation = { strategy: '数字化转型', businessLayout: '能源与园区两大板块', challenges: '预算收紧', competitors: ['甲公司'] };
    await ok(api.call('POST', `/v1/accounts/${h}/plans`, sm.id, { body: { year: 2026, situation, objectives } }), 'plan');
    await ok(api.call('POST', `/v1/accounts/${h}/plans/2026/versions/1/approval`, cl.id, { headers: { 'if-match': '"1"' } }), 'plan approval');
    // Two surveys of Q1: overall 4 and 5, mean 4.5.
    const survey = (stakeholderId: string, overall: number) =>
      api.call('POST', `/v1/accounts/${h}/surveys`, sm.id, { body: { period: '2026-Q1', stakeholderId, surveyedOn: '2026-03-20', overall, product: 4, service: 4, responsiveness: 3, comment: '整体满意' } });
    await ok(survey(stakeholdersH[0] as string, 4), 'survey');
    await ok(survey(stakeholdersH[1] as string, 5), 'survey');
    const twice = await survey(stakeholdersH[0] as string, 3);
    expect(twice.status).toBe(409);
    expect(twice.body.type).toMatch(/survey-exists$/);

    const averages = await ok(api.call('GET', '/v1/satisfaction?period=2026-Q1', c1.id), 'satisfaction', 200);
    expect(averages.accounts).toEqual([{ accountId: h, surveys: 2, overall: '4.5000', product: '4.0000', service: '4.0000', responsiveness: '3.0000' }]);
    expect(averages.salesManagers).toEqual([{ staffId: sm.id, surveys: 2, overall: '4.5000', product: '4.0000', service: '4.0000', responsiveness: '3.0000' }]);

    const health = await ok(api.call('GET', `/v1/accounts/${h}/health?period=2026-Q1`, cl.id), 'health', 200);
    const parts = Object.fromEntries(health.parts.map((p: { part: string; weight: number; value: string | null }) => [p.part, [p.weight, p.value]]));
    expect(parts).toEqual({
      visits: [15, '0.7500'], // 3 ÷ 4
      reports: [10, '0.6667'], // 2 ÷ 3
      plan: [10, '1.0000'], // approved
      objectives: [10, '0.5000'], // 1 done of the 2 due by 31 March (the third is due in September)
      complaints: [15, '0.5000'], // 1 ÷ (1 + 1 overdue)
      satisfaction: [15, '0.8750'], // (4.5 − 1) ÷ 4
      receivables: [15, '0.7500'], // 1 − 1,000,000 ÷ 4,000,000
      pipeline: [10, '0.7500'], // (5,000,000 + 2,500,000) ÷ 10,000,000
    });
    // 100 × (15·3/4 + 10·2/3 + 10·1 + 10·1/2 + 15·1/2 + 15·7/8 + 15·3/4 + 10·3/4) ÷ 100 = 1735/24 = 72.2916… → 72.29
    expect(health.score).toBe('72.29');
    expect(health.explanation).toEqual([
      'as of 2026-03-31',
      'parts with a value: visits, reports, plan, objectives, complaints, satisfaction, receivables, pipeline; their weights add up to 100',
      'score = 100 × (15 × 0.7500 + 10 × 0.6667 (2/3) + 10 × 1.0000 + 10 × 0.5000 + 15 × 0.5000 + 15 × 0.8750 + 15 × 0.7500 + 10 × 0.7500) ÷ 100 = 72.2917 (1735/24) → 72.29',
    ]);
    console.log(`health of ${h} in 2026-Q1: ${health.score}\n${health.parts.map((p: { part: string; weight: number; value: string | null; points: string; explanation: string }) => `  ${p.part} w${p.weight} value ${p.value} points ${p.points}: ${p.explanation}`).join('\n')}\n  ${health.explanation.join('\n  ')}`);
    expect((await api.call('GET', `/v1/accounts/${h}/health?period=2026-Q1`, sm2.id)).status).toBe(403);

    // The same figure in Chinese (Accept-Language): every line rendered, the numbers, parts and score the same.
    const zh = await ok(api.call('GET', `/v1/accounts/${h}/health?period=2026-Q1`, cl.id, { headers: { 'accept-language': 'zh-CN' } }), 'health zh', 200);
    expect({ score: zh.score, parts: zh.parts.map((p: { part: string; value: string | null; points: string }) => [p.part, p.value, p.points]) }).toEqual({
      score: health.score,
      parts: health.parts.map((p: { part: string; value: string | null; points: string }) => [p.part, p.value, p.points]),
    });
    expect(zh.explanation).toEqual([
      '截至 2026-03-31',
      '有值的部分：visits, reports, plan, objectives, complaints, satisfaction, receivables, pipeline；权重合计 100',
      '得分 = 100 × (15 × 0.7500 + 10 × 0.6667 (2/3) + 10 × 1.0000 + 10 × 0.5000 + 15 × 0.5000 + 15 × 0.8750 + 15 × 0.7500 + 10 × 0.7500) ÷ 100 = 72.2917 (1735/24) → 72.29',
    ]);
    expect(Object.fromEntries(zh.parts.map((p: { part: string; explanation: string }) => [p.part, p.explanation]))).toEqual({
      visits: '应拜访 4 次，已拜访 3 次',
      reports: '应交月报 3 份，已交 2 份',
      plan: '客户计划（一企一策）已批准',
      objectives: '到期目标 2 个，按时完成 1 个',
      complaints: '逾期未结投诉 1 件：1 ÷ (1 + 1)',
      satisfaction: '总体满意度平均 4.5000（满分 5），共 2 份调查：(平均 − 1) ÷ 4',
      receivables: '未收 4,000,000 分中逾期 1,000,000 分：1 − 逾期 ÷ 未收',
      pipeline: '已签 5,000,000 分 + 在谈商机 2,500,000 分，对比目标 10,000,000 分，最多为 1',
    });

    // The ranked list, worst first, after a refresh.
    await ok(api.call('POST', '/v1/health/2026-Q1/refresh', c1.id), 'refresh', 200);
    const ranked = await ok(api.call('GET', '/v1/health?period=2026-Q1', leader.id), 'ranked', 200);
    const scores = ranked.items.map((x: { score: string }) => Number(x.score));
    expect(scores).toEqual([...scores].sort((x, y) => x - y));
    expect(ranked.items.find((x: { accountId: string }) => x.accountId === h).score).toBe('72.29');
    const rankedZh = await ok(api.call('GET', '/v1/health?period=2026-Q1', leader.id, { headers: { 'accept-language': 'zh' } }), 'ranked zh', 200);
    expect(rankedZh.items.find((x: { accountId: string }) => x.accountId === h).explanation[0]).toBe('截至 2026-03-31');

    // The certification's satisfaction from the surveys of the last year: mean 4.5 × 20 = 90.
    const cert = await ok(api.call('POST', `/v1/staff/${sm.id}/certifications`, c1.id, { body: { level: 'junior', awardedOn: '2026-06-30', scores: { performance: 80, satisfaction: 'surveys', professionalism: 85 } } }), 'certification');
    expect(cert.certification).toEqual({ level: 'junior', awardedOn: '2026-06-30' });
    expect(cert.scores).toEqual({ performance: 80, satisfaction: 90, professionalism: 85 });
    expect(cert.satisfactionDerivation).toEqual({
      from: '2025-07-01', to: '2026-06-30', surveys: 2, accountIds: [h], meanOverall: '4.5000', score: 90,
      explanation: 'mean overall 4.5000 of 2 survey(s) from 2025-07-01 to 2026-06-30 × 20 = 90.00',
    });
    const none = await api.call('POST', `/v1/staff/${sm2.id}/certifications`, c1.id, { body: { level: 'junior', awardedOn: '2026-06-30', scores: { performance: 80, satisfaction: 'surveys', professionalism: 85 } } });
    expect(none.status).toBe(422);
    expect(none.body.type).toMatch(/no-surveys$/);

    // The quarterly bulletin carries each account's satisfaction, complaints and health.
    await ok(api.call('PUT', '/v1/pay-policies/2026', c1.id, { body: { grades: [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }] } }), 'policy');
    await ok(api.call('POST', '/v1/periods/2026-Q1/close', c1.id), 'close', 202);
    const bulletin = await ok(api.call('GET', '/v1/periods/2026-Q1/bulletin?limit=200', c1.id), 'bulletin', 200);
    expect(bulletin.items.find((x: { accountId: string }) => x.accountId === h).loyalty).toEqual({ satisfaction: { surveys: 2, overall: '4.5000' }, openComplaints: 1, overdueComplaints: 1, health: '72.29' });
  });
});
