import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '#shared/domain/dates.ts';
import { catalogue } from '#shared/routes/index.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { closedResult, closeRun } from '#test/support/close.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/*
 * The role × relation matrix, generated from the route catalogue: every route is called by
 * every person below, each with their relation to the key account A (held by CL1 and SM1;
 * SM0 handed it over to SM1), and the answer must be the one domain.md §1–§3 and the one
 * account guard (shared/domain/accounts.ts) give. A route of the catalogue without an
 * entry here fails the test, so a new route must say who may call it.
 */

const callers = ['coordinator', 'leadership', 'finance', 'contactLeader', 'salesManager', 'formerManager', 'otherManager', 'deliverer', 'stranger'] as const;
type Who = (typeof callers)[number];

let api: Api;
const people = {} as Record<Who, Staff>;
let cl2: Staff;
let sm2: Staff;
const id = (who: Who) => people[who].id;

/** The world: accounts and one of each object on the key account A. */
const w = {
  a: '', b: '', n: '',
  opp: '', project1: '', project2: '', invoice: '', meeting: '', actionItem: '', entry: '', handover: '',
  dispute: '', spotCheck: '', followUp: '', matter: '', closeRun: '', stakeholder: '', request: '', news: '', feedback: '', pilot: '', incentive: '',
};
const today = todayInShanghai();
const due = addDays(today, 14);

const ok = async (reply: Promise<{ status: number; body: any }>, what: string) => {
  const r = await reply;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

const openOpportunity = async (accountId = w.a, by = people.salesManager.id) =>
  (await ok(api.call('POST', '/v1/opportunities', by, { body: { accountId, title: '新商机', source: 'sales', estimatedAmount: 1_000_000 } }), 'opportunity')).id as string;
const winOpportunity = async () => {
  const opp = await openOpportunity();
  const won = await ok(
    api.call('POST', `/v1/opportunities/${opp}/win`, people.salesManager.id, {
      body: { wonOn: '2026-02-10', projects: [{ name: '园区网络', department: '交付一部', contractAmount: 100_000_000 }, { name: '园区安防', department: '交付二部', contractAmount: 30_000_000 }] },
    }),
    'win',
  );
  return { opp, projects: won.projects.map((p: { id: string }) => p.id) as string[] };
};
const issue = async (projectId = w.project1) =>
  (await ok(api.call('POST', `/v1/projects/${projectId}/invoices`, people.finance.id, { body: { amount: 1_000, issuedOn: '2026-02-20', dueOn: '2026-03-20' } }), 'invoice')).id as string;
const meetingBody = () => ({
  type: 'coordination_monthly', heldOn: '2026-02-15', attendeeIds: [id('coordinator'), id('contactLeader')], accountIds: [w.a],
  minutes: '二月协调会', decisions: ['加快回款'], actionItems: [{ action: '确认交付计划', ownerId: id('deliverer'), dueOn: '2026-03-01' }],
});
const newMeeting = async () => ok(api.call('POST', '/v1/meetings', people.coordinator.id, { body: meetingBody() }), 'meeting');
const spotCheckBody = () => ({
  checkedOn: today, scope: ['dossier', 'visits'], findings: '拜访记录完整', rating: 'acceptable',
  followUps: [{ action: '补充月报附件', ownerId: id('salesManager'), dueOn: due }],
});
const newSpotCheck = async () => ok(api.call('POST', `/v1/accounts/${w.a}/spot-checks`, people.coordinator.id, { body: spotCheckBody() }), 'spot check');
const fileDispute = async () =>
  (await ok(api.call('POST', '/v1/disputes', people.deliverer.id, { body: { accountId: w.a, againstDepartment: '交付二部', subject: '项目归属', description: '交付二部越界承接' } }), 'dispute')).id as string;
const reportMatter = async () =>
  (await ok(api.call('POST', `/v1/accounts/${w.a}/major-matters`, people.deliverer.id, { body: { occurredOn: today, category: 'quality', summary: '设备质量投诉' } }), 'matter')).id as string;
const newAdjustment = async () => {
  const author = await seedStaff(['finance'], { department: '财务部' });
  const body = { staffId: id('salesManager'), amount: -5_000, category: 'deduction', reason: '重复计提' };
  return (await ok(api.call('POST', '/v1/periods/2026/adjustments', author.id, { body }), 'adjustment')).id as string;
};
const newInquiry = async () =>
  (await ok(api.call('POST', `/v1/periods/2026-Q1/statements/${id('salesManager')}/inquiries`, id('salesManager'), { body: { text: '拜访次数有疑问' } }), 'inquiry')).id as string;
const stakeholderBody = () => ({ name: '王主任', title: '信息中心主任', decisionRole: 'influencer', influence: 4, relationshipStrength: 3, relationshipOwnerId: id('salesManager'), contact: { phone: '138 0000 0000' } });
const newStakeholder = async () => (await ok(api.call('POST', `/v1/accounts/${w.a}/stakeholders`, people.salesManager.id, { body: stakeholderBody() }), 'stakeholder')).id as string;
const newRequest = async () =>
  (await ok(api.call('POST', `/v1/accounts/${w.a}/requests`, people.salesManager.id, { body: { kind: 'expert_support', summary: '专家评审', department: '交付一部', dueOn: due } }), 'request')).id as string;
let serial = 0;
const newFeedback = async () =>
  (await ok(api.call('POST', `/v1/accounts/${w.a}/feedback`, people.salesManager.id, { body: { kind: 'complaint', severity: 'high', receivedOn: today, summary: '设备故障' } }), 'feedback')).id as string;
const newPilot = async () =>
  (await ok(api.call('POST', '/v1/pilots', people.coordinator.id, { body: { name: `试点${++serial}`, description: '新产品', department: '网络部', from: '2026-01-01', to: '2099-12-31', capacity: 5 } }), 'pilot')).id as string;
/** Proposed by the sales manager (never an approver here), each in a year of its own so approvals never overlap. */
const newIncentive = async () => {
  const year = 2040 + ++serial;
  const body = { kind: 'rebate', amount: 10_000, validFrom: `${year}-01-01`, validTo: `${year}-12-31`, description: '年度返利' };
  return (await ok(api.call('POST', `/v1/accounts/${w.a}/incentives`, people.salesManager.id, { body }), 'incentive')).id as string;
};
/** Plans are one per account and year: each fresh one takes a year of its own. */
let planYear = 2040;
const planBody = (year: number) => ({
  year, situation: { strategy: '数字化转型', businessLayout: '两大板块', challenges: '预算', competitors: ['甲'] },
  objectives: [{ title: '签订框架合同', ownerId: id('salesManager'), dueOn: '2026-06-30', measure: '合同额' }],
});
const newPlan = async (approved: boolean) => {
  const year = planYear++;
  await ok(api.call('POST', `/v1/accounts/${w.a}/plans`, id('salesManager'), { body: planBody(year) }), 'plan');
  if (approved) await ok(api.call('POST', `/v1/accounts/${w.a}/plans/${year}/versions/1/approval`, id('contactLeader'), { headers: { 'if-match': '"1"' } }), 'approve');
  return year;
};
const etag = async (path: string) => `"${(await api.call('GET', path, people.coordinator.id)).body.version}"`;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  people.coordinator = await seedStaff(['coordinator'], { department: '市场协同小组' });
  people.leadership = await seedStaff(['leadership'], { department: '公司领导' });
  people.finance = await seedStaff(['finance'], { department: '财务部' });
  people.contactLeader = await seedStaff(['contact_leader'], { department: '政企客户部' });
  people.salesManager = await seedTrainedSalesManager();
  people.formerManager = await seedTrainedSalesManager();
  people.otherManager = await seedTrainedSalesManager();
  people.deliverer = await seedStaff(['department_staff'], { department: '交付一部' });
  people.stranger = await seedStaff(['department_staff'], { department: '水利院' });
  cl2 = await seedStaff(['contact_leader']);
  sm2 = await seedTrainedSalesManager();
  const c = people.coordinator.id;

  w.a = (await createKeyAccount(api, c, id('contactLeader'), id('formerManager'), '2026-01-01')).id;
  const reassigned = await ok(
    api.call('POST', `/v1/accounts/${w.a}/reassignments`, c, {
      body: { role: 'sales_manager', staffId: id('salesManager'), effectiveOn: '2026-02-01', reason: 'customer_request', handover: { items: ['客户档案'] } },
    }),
    'reassign',
  );
  w.handover = reassigned.handover.id;
  w.b = (await createKeyAccount(api, c, cl2.id, sm2.id)).id;
  w.n = (await createAccount(api, c)).id;
  await ok(api.call('PUT', `/v1/accounts/${w.a}/targets/2026`, c, { body: { contractAmount: 400_000_000, collectionAmount: 320_000_000 } }), 'targets');

  w.opp = await openOpportunity();
  [w.project1, w.project2] = (await winOpportunity()).projects as [string, string];
  w.invoice = await issue();
  await ok(api.call('POST', `/v1/invoices/${w.invoice}/payments`, people.finance.id, { body: { amount: 100, receivedOn: '2026-02-25' } }), 'payment');
  await ok(api.call('POST', `/v1/accounts/${w.a}/visits`, id('salesManager'), { body: { type: 'routine_visit', visitedOn: '2026-02-10', summary: '拜访' } }), 'visit');
  await ok(api.call('POST', `/v1/accounts/${w.a}/reports`, id('salesManager'), { body: { month: '2026-02', summary: '二月月报' } }), 'report');
  const meeting = await newMeeting();
  w.meeting = meeting.id;
  w.actionItem = meeting.actionItems[0].id;
  w.entry = (await ok(api.call('POST', `/v1/accounts/${w.a}/dossier/entries`, id('salesManager'), { body: { kind: 'contact', title: '董事长', content: '张总' } }), 'entry')).id;
  await ok(api.call('POST', `/v1/accounts/${w.a}/dossier/grants`, c, { body: { staffId: id('finance'), expiresOn: due } }), 'grant');
  w.dispute = await fileDispute();
  w.stakeholder = await newStakeholder();
  w.request = await newRequest();
  w.news = (await ok(api.call('POST', `/v1/accounts/${w.a}/news`, id('salesManager'), { body: { kind: 'business', happenedOn: '2026-02-01', source: '官网', summary: '中标' } }), 'news')).id;
  // The 2026 plan of A: version 1 approved and in force, version 2 a draft.
  await ok(api.call('POST', `/v1/accounts/${w.a}/plans`, id('salesManager'), { body: planBody(2026) }), 'plan');
  await ok(api.call('POST', `/v1/accounts/${w.a}/plans/2026/versions/1/approval`, id('contactLeader'), { headers: { 'if-match': '"1"' } }), 'approve');
  await ok(api.call('POST', `/v1/accounts/${w.a}/plans/2026/versions`, id('salesManager')), 'revise');
  const check = await newSpotCheck();
  w.spotCheck = check.id;
  w.followUp = check.followUps[0].id;
  w.matter = await reportMatter();
  await ok(api.call('PUT', '/v1/holiday-calendars/2026', c, { body: { holidays: ['2026-10-01'] } }), 'calendar');
  w.feedback = await newFeedback();
  w.pilot = await newPilot();
  w.incentive = await newIncentive();
  for (const year of [2025, 2026]) {
    const grades = [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }];
    await ok(api.call('PUT', `/v1/pay-policies/${year}`, c, { body: { grades } }), 'pay policy');
  }
  const closed = await closeRun(api, '2026-Q1', c);
  if (closed.run?.status !== 'done') throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
  w.closeRun = closed.run.runId;
  await ok(api.call('POST', '/v1/periods/2026-Q1/finalize', c), 'finalize');
  // The annual close suggests the talent-pool grades a coordinator confirms.
  await closedResult(api, '2026', c);
}, 120_000);
afterAll(() => api.close());

interface Request {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Entry {
  /** A variant's name, when one route has several rows (e.g. a key and a normal account). */
  variant?: string;
  /** The request; `fresh` asks for objects of its own, for a caller expected to change them (2xx). */
  build: (fresh: boolean) => Promise<Request> | Request;
  expect: Record<Who, number>;
}

/** `rest` for everyone not named. */
const only = (named: Partial<Record<Who, number>>, rest: number): Record<Who, number> =>
  Object.fromEntries(callers.map((who) => [who, named[who] ?? rest])) as Record<Who, number>;
const get = (path: string) => () => ({ method: 'GET', path });

// Who knows the key account A but may not use it: 403; the stranger (no tie): 404.
const readA = only({ coordinator: 200, leadership: 200, contactLeader: 200, salesManager: 200, stranger: 404 }, 403);
const recordsA = only({ coordinator: 200, leadership: 200, finance: 200, contactLeader: 200, salesManager: 200, stranger: 404 }, 403);
const heldA = readA;

const matrix: Record<string, Entry[]> = {
  getOpenApi: [{ build: get('/v1/openapi.json'), expect: only({}, 200) }],
  getDocs: [{ build: get('/v1/docs'), expect: only({}, 200) }],
  getDocsAsset: [{ build: get('/v1/docs/init.js'), expect: only({}, 200) }],

  // Staff (domain.md §5): coordinators keep the records; leadership, coordinators and finance read them.
  createStaff: [{ build: () => ({ method: 'POST', path: '/v1/staff', body: { name: '新同事', department: '市场部', roles: ['sales_manager'], grade: 'P6' } }), expect: only({ coordinator: 201 }, 403) }],
  getStaff: [{ build: () => ({ method: 'GET', path: `/v1/staff/${id('salesManager')}` }), expect: only({ coordinator: 200, leadership: 200, finance: 200, salesManager: 200 }, 403) }],
  listStaff: [{ build: get('/v1/staff'), expect: only({ coordinator: 200, leadership: 200, finance: 200 }, 403) }],
  patchStaff: [{
    build: async () => {
      const staff = await seedStaff(['department_staff']);
      return { method: 'PATCH', path: `/v1/staff/${staff.id}`, body: { grade: 'P7' }, headers: { 'if-match': '"1"' } };
    },
    expect: only({ coordinator: 200 }, 403),
  }],
  recordTraining: [{ build: async () => ({ method: 'POST', path: `/v1/staff/${(await seedStaff(['sales_manager'])).id}/training`, body: { kind: 'basic', passed: true, completedOn: '2026-01-05' } }), expect: only({ coordinator: 201 }, 403) }],
  awardCertification: [{
    build: async () => ({ method: 'POST', path: `/v1/staff/${(await seedStaff(['sales_manager'])).id}/certifications`, body: { level: 'junior', awardedOn: '2026-01-05', scores: { performance: 90, satisfaction: 88, professionalism: 85 } } }),
    expect: only({ coordinator: 201 }, 403),
  }],
  recordDeparture: [{ build: async () => ({ method: 'POST', path: `/v1/staff/${(await seedStaff(['department_staff'])).id}/departure`, body: { leftOn: '2026-11-30' } }), expect: only({ coordinator: 201 }, 403) }],
  // Re-running a sign-in change is the coordinators' (they keep the records); locally there is nothing to sync, so it answers 200.
  rerunSignInSync: [{ build: async () => ({ method: 'POST', path: `/v1/staff/${(await seedStaff(['department_staff'])).id}/sign-in-sync` }), expect: only({ coordinator: 200 }, 403) }],

  // Accounts.
  createAccount: [{ build: () => ({ method: 'POST', path: '/v1/accounts', body: { name: `矩阵客户${Math.random()}`, industry: '能源' } }), expect: only({ coordinator: 201, leadership: 201, contactLeader: 201, salesManager: 201, formerManager: 201, otherManager: 201 }, 403) }],
  getAccount: [
    { variant: 'key A', build: () => ({ method: 'GET', path: `/v1/accounts/${w.a}` }), expect: recordsA },
    // The open pool: the sales roles see normal accounts; department staff with no tie are not told.
    { variant: 'normal', build: () => ({ method: 'GET', path: `/v1/accounts/${w.n}` }), expect: only({ deliverer: 404, stranger: 404 }, 200) },
  ],
  listAccounts: [{ build: get('/v1/accounts?tier=key'), expect: only({ coordinator: 200, leadership: 200, finance: 200, contactLeader: 200, salesManager: 200, formerManager: 200, otherManager: 200 }, 403) }],
  patchAccount: [
    {
      variant: 'key A',
      build: async () => ({ method: 'PATCH', path: `/v1/accounts/${w.a}`, body: { industry: `能源-${Math.random()}` }, headers: { 'if-match': await etag(`/v1/accounts/${w.a}`) } }),
      // Leadership does not act on a key account it is not assigned to (domain.md §1).
      expect: only({ coordinator: 200, contactLeader: 200, salesManager: 200, deliverer: 403, stranger: 403 }, 403),
    },
    {
      variant: 'normal',
      build: async () => ({ method: 'PATCH', path: `/v1/accounts/${w.n}`, body: { industry: `能源-${Math.random()}` }, headers: { 'if-match': await etag(`/v1/accounts/${w.n}`) } }),
      expect: only({ coordinator: 200, leadership: 200, contactLeader: 200, salesManager: 200, formerManager: 200, otherManager: 200 }, 403),
    },
  ],
  designateAccount: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/accounts/${fresh ? (await createAccount(api, id('coordinator'))).id : w.n}/designation`, body: { contactLeaderId: cl2.id, salesManagerId: sm2.id, effectiveOn: '2026-03-01' } }),
    expect: only({ coordinator: 201 }, 403),
  }],
  reassignAccount: [{
    build: async (fresh) => {
      const account = fresh ? (await createKeyAccount(api, id('coordinator'), cl2.id, sm2.id)).id : w.b;
      return { method: 'POST', path: `/v1/accounts/${account}/reassignments`, body: { role: 'sales_manager', staffId: id('otherManager'), effectiveOn: '2026-04-01', reason: 'unfit', handover: { items: ['档案'] } } };
    },
    expect: only({ coordinator: 201 }, 403),
  }],
  listAccountAssignments: [{ build: get('/v1/accounts/{a}/assignments'), expect: recordsA }],
  putAccountTargets: [{
    build: async () => ({ method: 'PUT', path: `/v1/accounts/${w.a}/targets/2026`, body: { contractAmount: 400_000_000, collectionAmount: 320_000_000 }, headers: { 'if-match': await etag(`/v1/accounts/${w.a}/targets/2026`) } }),
    expect: only({ coordinator: 200, leadership: 200 }, 403),
  }],
  getAccountTargets: [{ build: get('/v1/accounts/{a}/targets/2026'), expect: recordsA }],
  putAccountRevenue: [{
    build: async (fresh) => ({ method: 'PUT', path: `/v1/accounts/${fresh ? (await createAccount(api, id('coordinator'))).id : w.n}/revenue/2025`, body: { annualRevenueAmount: 1_000_000 } }),
    expect: only({ coordinator: 201, leadership: 201, finance: 201 }, 403),
  }],
  listKeyAccountCandidates: [{ build: get('/v1/analytics/key-account-candidates?year=2025'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],

  // Business (domain.md §2): exclusive ownership.
  createOpportunity: [
    {
      variant: 'key A',
      build: () => ({ method: 'POST', path: '/v1/opportunities', body: { accountId: w.a, title: '矩阵商机', source: 'sales', estimatedAmount: 1 } }),
      expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
    },
    {
      variant: 'key B (held by others)',
      build: () => ({ method: 'POST', path: '/v1/opportunities', body: { accountId: w.b, title: '矩阵商机', source: 'sales', estimatedAmount: 1 } }),
      expect: only({ coordinator: 201 }, 403),
    },
    {
      variant: 'normal',
      build: () => ({ method: 'POST', path: '/v1/opportunities', body: { accountId: w.n, title: '矩阵商机', source: 'leadership', estimatedAmount: 1 } }),
      expect: only({ coordinator: 201, leadership: 201, contactLeader: 201, salesManager: 201, formerManager: 201, otherManager: 201 }, 403),
    },
  ],
  getOpportunity: [{ build: get('/v1/opportunities/{opp}'), expect: readA }],
  listOpportunities: [{ build: get('/v1/opportunities?accountId={a}'), expect: only({ coordinator: 200, leadership: 200, contactLeader: 200, salesManager: 200 }, 403) }],
  addOpportunityUpdate: [{ build: () => ({ method: 'POST', path: `/v1/opportunities/${w.opp}/updates`, body: { note: '跟进' } }), expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403) }],
  listOpportunityUpdates: [{ build: get('/v1/opportunities/{opp}/updates'), expect: readA }],
  winOpportunity: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/opportunities/${fresh ? await openOpportunity() : w.opp}/win`, body: { wonOn: '2026-03-01', projects: [{ name: '二期', department: '交付一部', contractAmount: 1_000 }] } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  loseOpportunity: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/opportunities/${fresh ? await openOpportunity() : w.opp}/lose`, body: { lostOn: '2026-03-01', reason: '预算取消' } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  // The delivering department reads its project; finance reads the account's records.
  getProject: [{ build: get('/v1/projects/{project1}'), expect: { ...recordsA, deliverer: 200 } }],
  listProjects: [
    // Department staff list the projects their department delivers on the account (the subset).
    { variant: 'accountId', build: get('/v1/projects?accountId={a}'), expect: { ...recordsA, deliverer: 200 } },
    { variant: 'department', build: get(`/v1/projects?department=${encodeURIComponent('交付一部')}`), expect: only({ coordinator: 200, leadership: 200, finance: 200, deliverer: 200 }, 403) },
  ],
  recordDelivery: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/projects/${fresh ? (await winOpportunity()).projects[0] : w.project1}/delivery`, body: { deliveredOn: '2026-03-01' } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201, deliverer: 201, stranger: 404 }, 403),
  }],
  changeProjectDepartment: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/projects/${fresh ? (await winOpportunity()).projects[0] : w.project1}/department-changes`, body: { department: '交付三部', effectiveOn: '2026-03-01', reason: 'unfit' } }),
    expect: only({ coordinator: 201 }, 403),
  }],
  listProjectDepartmentChanges: [{ build: get('/v1/projects/{project1}/department-changes'), expect: { ...recordsA, deliverer: 200 } }],
  issueInvoice: [{
    build: () => ({ method: 'POST', path: `/v1/projects/${w.project2}/invoices`, body: { amount: 1, issuedOn: '2026-02-20', dueOn: '2026-03-20' } }),
    // Leadership moves no money on a key account it does not hold; department staff have no such role.
    expect: only({ coordinator: 201, finance: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  getInvoice: [{ build: get('/v1/invoices/{invoice}'), expect: recordsA }],
  recordPayment: [{
    build: () => ({ method: 'POST', path: `/v1/invoices/${w.invoice}/payments`, body: { amount: 1, receivedOn: '2026-02-26' } }),
    expect: only({ coordinator: 201, finance: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  listReceivables: [{ build: get('/v1/receivables'), expect: only({ coordinator: 200, leadership: 200, finance: 200, contactLeader: 200, salesManager: 200, formerManager: 200, otherManager: 200 }, 403) }],
  getAccountPipeline: [{ build: get('/v1/accounts/{a}/pipeline'), expect: readA }],

  // Disputes: filed by any department on any account; seen by its sides, the holders and the coordination group.
  fileDispute: [{
    build: () => ({ method: 'POST', path: '/v1/disputes', body: { accountId: w.a, againstDepartment: '交付九部', subject: '归属', description: '矩阵' } }),
    expect: only({ coordinator: 201, leadership: 201, contactLeader: 201, salesManager: 201, formerManager: 201, otherManager: 201, deliverer: 201, stranger: 201 }, 403),
  }],
  getDispute: [{ build: get('/v1/disputes/{dispute}'), expect: { ...heldA, deliverer: 200 } }],
  listDisputes: [{ build: get('/v1/disputes?accountId={a}'), expect: { ...heldA, deliverer: 200, finance: 403 } }],
  decideDispute: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/disputes/${fresh ? await fileDispute() : w.dispute}/decision`, body: { decision: '归交付一部', inFavourOf: 'filer' } }),
    expect: only({ coordinator: 201 }, 403),
  }],

  // Upkeep (domain.md §3).
  recordVisit: [{
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/visits`, body: { type: 'routine_visit', visitedOn: '2026-02-11', summary: '拜访' } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  listAccountVisits: [{ build: get('/v1/accounts/{a}/visits?from=2026-01-01&to=2026-03-31'), expect: readA }],
  listPersonVisits: [{ build: () => ({ method: 'GET', path: `/v1/visits?staffId=${id('salesManager')}&from=2026-01-01&to=2026-03-31` }), expect: only({ coordinator: 200, leadership: 200, salesManager: 200 }, 403) }],
  fileReport: [{
    build: async () => ({ method: 'POST', path: `/v1/accounts/${w.a}/reports`, body: { month: `2025-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`, summary: '补报' } }),
    expect: { ...only({ salesManager: 201 }, 403), stranger: 403, deliverer: 403 },
  }],
  amendReport: [{
    build: async () => ({ method: 'PATCH', path: `/v1/accounts/${w.a}/reports/2026-02`, body: { summary: '二月月报（修订）' }, headers: { 'if-match': await reportVersion() } }),
    expect: only({ salesManager: 200 }, 403),
  }],
  listReports: [{ build: get('/v1/accounts/{a}/reports?from=2026-01&to=2026-03'), expect: readA }],
  recordMeeting: [{ build: () => ({ method: 'POST', path: '/v1/meetings', body: meetingBody() }), expect: only({ coordinator: 201, leadership: 201 }, 403) }],
  listMeetings: [{ build: get('/v1/meetings?type=coordination_monthly&from=2026-01-01&to=2026-03-31'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],
  // Attendees and the owner of an action item read the meeting; it is no one else's.
  getMeeting: [{ build: get('/v1/meetings/{meeting}'), expect: only({ coordinator: 200, leadership: 200, contactLeader: 200, deliverer: 200 }, 404) }],
  markActionItemDone: [{
    build: async (fresh) => {
      const meeting = fresh ? await newMeeting() : { id: w.meeting, actionItems: [{ id: w.actionItem }] };
      return { method: 'POST', path: `/v1/meetings/${meeting.id}/action-items/${meeting.actionItems[0].id}/done`, body: { doneOn: '2026-02-20' } };
    },
    expect: only({ coordinator: 201, deliverer: 201 }, 403),
  }],
  listOpenActionItems: [{ build: () => ({ method: 'GET', path: `/v1/action-items?ownerId=${id('deliverer')}` }), expect: only({ coordinator: 200, leadership: 200, deliverer: 200 }, 403) }],
  // The handover form: its two sides, and those who read the account.
  listHandovers: [{ build: get('/v1/accounts/{a}/handovers'), expect: { ...readA, formerManager: 200 } }],
  getHandover: [{ build: get('/v1/accounts/{a}/handovers/{handover}'), expect: { ...readA, formerManager: 200 } }],
  confirmHandoverReceipt: [{
    build: async (fresh) => {
      if (!fresh) return { method: 'POST', path: `/v1/accounts/${w.a}/handovers/${w.handover}/receipt`, body: { receivedOn: '2026-02-02' } };
      const account = (await createKeyAccount(api, id('coordinator'), id('contactLeader'), id('formerManager'))).id;
      const moved = await ok(api.call('POST', `/v1/accounts/${account}/reassignments`, id('coordinator'), {
        body: { role: 'sales_manager', staffId: id('salesManager'), effectiveOn: '2026-02-01', reason: 'unfit', handover: { items: ['档案'] } },
      }), 'reassign');
      return { method: 'POST', path: `/v1/accounts/${account}/handovers/${moved.handover.id}/receipt`, body: { receivedOn: '2026-02-02' } };
    },
    // Only the one who takes the account over confirms; leadership and the coordinator read the form but are not it.
    expect: only({ salesManager: 201, stranger: 404 }, 403),
  }],
  getCompliance: [{ build: get('/v1/compliance?period=2026-Q1'), expect: only({}, 200) }],
  listAlerts: [{ build: () => ({ method: 'GET', path: `/v1/alerts?staffId=${id('salesManager')}` }), expect: only({ coordinator: 200, leadership: 200, salesManager: 200 }, 403) }],

  // The dossier (domain.md §3.2): kept by the sales manager, read with a grant (finance holds one).
  addDossierEntry: [{
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/dossier/entries`, body: { kind: 'note', title: '补充', content: '内容' } }),
    expect: only({ salesManager: 201, stranger: 404 }, 403),
  }],
  editDossierEntry: [{
    build: async () => ({ method: 'PATCH', path: `/v1/accounts/${w.a}/dossier/entries/${w.entry}`, body: { content: `张总 ${Math.random()}` }, headers: { 'if-match': await entryVersion() } }),
    expect: only({ salesManager: 200, stranger: 404 }, 403),
  }],
  listDossier: [{ build: get('/v1/accounts/{a}/dossier'), expect: only({ leadership: 200, finance: 200, contactLeader: 200, salesManager: 200, stranger: 404 }, 403) }],
  getDossierEntry: [{ build: get('/v1/accounts/{a}/dossier/entries/{entry}'), expect: only({ leadership: 200, finance: 200, contactLeader: 200, salesManager: 200, stranger: 404 }, 403) }],
  listDossierEntryVersions: [{ build: get('/v1/accounts/{a}/dossier/entries/{entry}/versions'), expect: only({ leadership: 200, finance: 200, contactLeader: 200, salesManager: 200, stranger: 404 }, 403) }],
  grantDossierAccess: [{ build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/dossier/grants`, body: { staffId: id('leadership'), expiresOn: due } }), expect: only({ coordinator: 201 }, 403) }],
  listDossierGrants: [{ build: get('/v1/accounts/{a}/dossier/grants'), expect: only({ coordinator: 200 }, 403) }],
  listDossierAccessLog: [{ build: get('/v1/accounts/{a}/dossier/access-log'), expect: only({ coordinator: 200 }, 403) }],

  // Loyalty (domain.md §4; issue 12): exclusive ownership on writes; contact details under the dossier's rules (finance holds a grant).
  addStakeholder: [{
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/stakeholders`, body: stakeholderBody() }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201, stranger: 404 }, 403),
  }],
  listStakeholders: [{ build: get('/v1/accounts/{a}/stakeholders'), expect: readA }],
  getStakeholder: [{ build: get('/v1/accounts/{a}/stakeholders/{stakeholder}'), expect: readA }],
  editStakeholder: [{
    build: async () => ({ method: 'PATCH', path: `/v1/accounts/${w.a}/stakeholders/${w.stakeholder}`, body: { influence: 1 + Math.floor(Math.random() * 5) }, headers: { 'if-match': await etag(`/v1/accounts/${w.a}/stakeholders/${w.stakeholder}`) } }),
    expect: only({ coordinator: 200, contactLeader: 200, salesManager: 200, stranger: 404 }, 403),
  }],
  recordStakeholderDeparture: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/accounts/${w.a}/stakeholders/${fresh ? await newStakeholder() : w.stakeholder}/departure`, body: { leftOn: today } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201, stranger: 404 }, 403),
  }],
  getStakeholderContact: [{ build: get('/v1/accounts/{a}/stakeholders/{stakeholder}/contact'), expect: only({ leadership: 200, finance: 200, contactLeader: 200, salesManager: 200, stranger: 404 }, 403) }],

  // The account plan: its sales manager or contact leader drafts (a coordinator is told whose it is), the contact leader approves.
  draftAccountPlan: [{
    build: (fresh) => ({ method: 'POST', path: `/v1/accounts/${w.a}/plans`, body: planBody(fresh ? planYear++ : 2026) }),
    expect: only({ contactLeader: 201, salesManager: 201, stranger: 404 }, 403),
  }],
  getAccountPlan: [{ build: get('/v1/accounts/{a}/plans/2026'), expect: readA }],
  listAccountPlanVersions: [{ build: get('/v1/accounts/{a}/plans/2026/versions'), expect: readA }],
  getAccountPlanVersion: [{ build: get('/v1/accounts/{a}/plans/2026/versions/1'), expect: readA }],
  reviseAccountPlan: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/accounts/${w.a}/plans/${fresh ? await newPlan(true) : 2026}/versions`, body: { pricing: '下浮 5%' } }),
    expect: only({ contactLeader: 201, salesManager: 201, stranger: 404 }, 403),
  }],
  editAccountPlanDraft: [{
    build: async (fresh) => {
      const year = fresh ? await newPlan(false) : 2026;
      const number = fresh ? 1 : 2;
      return { method: 'PATCH', path: `/v1/accounts/${w.a}/plans/${year}/versions/${number}`, body: { pricing: '下浮 6%' }, headers: { 'if-match': await etag(`/v1/accounts/${w.a}/plans/${year}/versions/${number}`) } };
    },
    expect: only({ contactLeader: 200, salesManager: 200, stranger: 404 }, 403),
  }],
  approveAccountPlan: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/accounts/${w.a}/plans/${fresh ? await newPlan(false) : 2026}/versions/${fresh ? 1 : 2}/approval`, headers: { 'if-match': '"1"' } }),
    expect: only({ contactLeader: 201, stranger: 404 }, 403),
  }],
  listOverdueObjectives: [{ build: get('/v1/accounts/{a}/plans/2026/overdue-objectives'), expect: readA }],
  listAccountsWithoutPlan: [{ build: get('/v1/account-plans/missing?year=2026'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],

  // Priority requests: the account's people log them; the department routed to (the deliverer's) or a coordinator answers.
  logPriorityRequest: [{
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/requests`, body: { kind: 'scheme_support', summary: '方案支持', department: '交付一部', dueOn: due } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201, stranger: 404 }, 403),
  }],
  listAccountRequests: [{ build: get('/v1/accounts/{a}/requests'), expect: readA }],
  getPriorityRequest: [{ build: get('/v1/accounts/{a}/requests/{request}'), expect: { ...readA, deliverer: 200 } }],
  answerPriorityRequest: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/accounts/${w.a}/requests/${fresh ? await newRequest() : w.request}/answer`, body: { outcome: 'accepted' } }),
    expect: only({ coordinator: 201, deliverer: 201, stranger: 404 }, 403),
  }],
  listDepartmentRequests: [{ build: get(`/v1/departments/${encodeURIComponent('交付一部')}/requests`), expect: only({ coordinator: 200, leadership: 200, deliverer: 200 }, 403) }],
  listOverdueRequests: [{ build: get('/v1/requests/overdue'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],

  // Account news: recorded by the account's people or a coordinator; the feed is the coordination group's.
  recordAccountNews: [{
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/news`, body: { kind: 'public_relations', happenedOn: '2026-02-02', source: '报纸', summary: '年会' } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201, stranger: 404 }, 403),
  }],
  listAccountNews: [{ build: get('/v1/accounts/{a}/news'), expect: readA }],
  addNewsSupport: [{
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/news/${w.news}/support`, body: { what: '专家支持', byStaffId: id('deliverer'), givenOn: '2026-02-02' } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201, stranger: 404 }, 403),
  }],
  listNewsFeed: [{ build: get('/v1/news'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],

  // Oversight (domain.md §3.1, §3.2).
  recordSpotCheck: [{ build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/spot-checks`, body: spotCheckBody() }), expect: only({ coordinator: 201 }, 403) }],
  listAccountSpotChecks: [{ build: get('/v1/accounts/{a}/spot-checks'), expect: heldA }],
  getSpotCheck: [{ build: get('/v1/spot-checks/{spotCheck}'), expect: heldA }],
  completeFollowUp: [{
    build: async (fresh) => {
      const check = fresh ? await newSpotCheck() : { id: w.spotCheck, followUps: [{ id: w.followUp }] };
      return { method: 'POST', path: `/v1/spot-checks/${check.id}/follow-ups/${check.followUps[0].id}/done`, body: { doneOn: today } };
    },
    // The follow-up is the sales manager's: they and a coordinator mark it done.
    expect: only({ coordinator: 201, salesManager: 201, stranger: 404 }, 403),
  }],
  reportMajorMatter: [{
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/major-matters`, body: { occurredOn: today, category: 'safety', summary: '现场安全事故' } }),
    expect: only({ finance: 403 }, 201),
  }],
  // All of them for the holders and the overseers; their own for a reporter (the deliverer); 403 to others who know A; 404 to a stranger.
  listAccountMajorMatters: [{ build: get('/v1/accounts/{a}/major-matters'), expect: { ...heldA, deliverer: 200 } }],
  listMajorMatters: [{ build: get('/v1/major-matters'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],
  getMajorMatter: [{ build: get('/v1/major-matters/{matter}'), expect: { ...heldA, deliverer: 200 } }],
  acknowledgeMajorMatter: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/major-matters/${fresh ? await reportMatter() : w.matter}/acknowledgement`, body: { response: '已跟进' } }),
    expect: only({ coordinator: 201 }, 403),
  }],

  // Loyalty, part 2 (issue 13): settings by coordinators (the policy also by leadership), read by all.
  putHolidayCalendar: [{ build: (fresh) => ({ method: 'PUT', path: `/v1/holiday-calendars/${fresh ? 2040 + ++serial : 2099}`, body: { holidays: [] } }), expect: only({ coordinator: 201 }, 403) }],
  getHolidayCalendar: [{ build: get('/v1/holiday-calendars/2026'), expect: only({}, 200) }],
  putLoyaltyPolicy: [{ build: (fresh) => ({ method: 'PUT', path: `/v1/loyalty-policies/${fresh ? 2040 + ++serial : 2099}`, body: {} }), expect: only({ coordinator: 201, leadership: 201 }, 403) }],
  getLoyaltyPolicy: [{ build: get('/v1/loyalty-policies/2026'), expect: only({}, 200) }],
  // Feedback, surveys and incentives: written by the account's people (exclusive ownership), read as its records.
  recordFeedback: [{
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/feedback`, body: { kind: 'suggestion', severity: 'low', receivedOn: today, summary: '希望增加培训' } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  listAccountFeedback: [{ build: get('/v1/accounts/{a}/feedback'), expect: heldA }],
  getFeedback: [{ build: get('/v1/feedback/{feedback}'), expect: heldA }],
  stepFeedback: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/feedback/${fresh ? await newFeedback() : w.feedback}/steps`, body: { step: 'acknowledged', on: today } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  listOverdueFeedback: [{ build: get('/v1/overdue-feedback'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],
  recordSurvey: [{
    // One survey per stakeholder and quarter: each caller expected to succeed surveys a quarter of its own.
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/surveys`, body: { period: `${2030 + ++serial}-Q1`, stakeholderId: w.stakeholder, surveyedOn: today, overall: 4, product: 4, service: 4, responsiveness: 4 } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  listAccountSurveys: [{ build: get('/v1/accounts/{a}/surveys'), expect: heldA }],
  getSatisfaction: [{ build: get('/v1/satisfaction?period=2026-Q1'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],
  // Pilots: opened and closed by coordinators, offered and enrolled by an account's people, seen by all.
  openPilot: [{ build: () => ({ method: 'POST', path: '/v1/pilots', body: { name: '新试点', description: '说明', department: '网络部', from: '2026-03-01', to: '2026-09-30', capacity: 3 } }), expect: only({ coordinator: 201 }, 403) }],
  listPilots: [{ build: get('/v1/pilots'), expect: only({}, 200) }],
  getPilot: [{ build: get('/v1/pilots/{pilot}'), expect: only({}, 200) }],
  offerPilot: [{
    build: () => ({ method: 'POST', path: `/v1/pilots/${w.pilot}/offers`, body: { accountId: w.a, offeredOn: '2026-01-05', answer: 'no_answer' } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  listPilotOffers: [{ build: get('/v1/pilots/{pilot}/offers'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],
  enrolInPilot: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/pilots/${fresh ? await newPilot() : w.pilot}/enrolments`, body: { accountId: w.a, enrolledOn: '2026-01-05' } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  listPilotEnrolments: [{ build: get('/v1/pilots/{pilot}/enrolments'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],
  recordPilotOutcome: [{
    build: async (fresh) => ({ method: 'POST', path: `/v1/pilots/${fresh ? await newPilot() : w.pilot}/outcome`, body: { summary: '试用良好', adoption: 'partly_adopted', recordedOn: today } }),
    expect: only({ coordinator: 201 }, 403),
  }],
  listPilotNotOffered: [{ build: get('/v1/pilots/{pilot}/not-offered'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],
  proposeIncentive: [{
    build: () => ({ method: 'POST', path: `/v1/accounts/${w.a}/incentives`, body: { kind: 'discount', rateBasisPoints: 300, validFrom: '2026-01-01', validTo: '2026-12-31', description: '折扣' } }),
    expect: only({ coordinator: 201, contactLeader: 201, salesManager: 201 }, 403),
  }],
  listAccountIncentives: [{ build: get('/v1/accounts/{a}/incentives'), expect: recordsA }],
  getIncentive: [{ build: get('/v1/incentives/{incentive}'), expect: recordsA }],
  // Four eyes: the sales manager proposed it, so neither approver is its proposer.
  approveIncentive: [{ build: async (fresh) => ({ method: 'POST', path: `/v1/incentives/${fresh ? await newIncentive() : w.incentive}/approval` }), expect: only({ coordinator: 201, leadership: 201 }, 403) }],
  getIncentiveCost: [{ build: get('/v1/accounts/{a}/incentive-cost?year=2026'), expect: recordsA }],
  getForumCompliance: [{ build: get('/v1/compliance/executive-forum?year=2026'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],
  getAccountHealth: [{ build: get('/v1/accounts/{a}/health?period=2026-Q1'), expect: heldA }],
  listHealth: [{ build: get('/v1/health?period=2026-Q1'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],
  refreshHealth: [{ build: () => ({ method: 'POST', path: '/v1/health/2026-Q1/refresh' }), expect: only({ coordinator: 200 }, 403) }],

  // Pay (pay.md; domain.md §1: leadership sets the policy, finance reads statements and exports).
  putPayPolicy: [{
    build: async (fresh) => ({ method: 'PUT', path: `/v1/pay-policies/${fresh ? 2040 + ++serial : 2099}`, body: { grades: [{ grade: 'P6', monthlyBase: 1, quarterlyPerformanceBase: 1, annualPerformanceBase: 1 }] } }),
    expect: only({ coordinator: 201, leadership: 201 }, 403),
  }],
  getPayPolicy: [{ build: get('/v1/pay-policies/2026'), expect: only({ coordinator: 200, leadership: 200, finance: 200 }, 403) }],
  scorePeer: [{
    build: async () => ({ method: 'POST', path: '/v1/peer-scores', body: { period: '2026-Q2', targetStaffId: (await seedStaff(['sales_manager'])).id, score: 80 } }),
    expect: only({ deliverer: 201, stranger: 201 }, 403),
  }],
  amendPeerScore: [{
    build: () => ({ method: 'PATCH', path: `/v1/peer-scores/2026-Q2/staff/${id('salesManager')}`, body: { score: 70 }, headers: { 'if-match': '"1"' } }),
    // Nobody here scored the sales manager in 2026-Q2: the score to amend is no one's (404).
    expect: only({}, 404),
  }],
  getPeerScores: [{ build: () => ({ method: 'GET', path: `/v1/peer-scores?period=2026-Q1&targetStaffId=${id('salesManager')}` }), expect: only({ coordinator: 200, leadership: 200, salesManager: 200 }, 403) }],
  closePeriod: [{ build: (fresh) => ({ method: 'POST', path: `/v1/periods/${fresh ? '2025-Q3' : '2025-Q4'}/close` }), expect: only({ coordinator: 202 }, 403) }],
  getCloseRun: [{ build: () => ({ method: 'GET', path: `/v1/periods/2026-Q1/close-runs/${w.closeRun}` }), expect: only({ coordinator: 200 }, 403) }],
  finalizePeriod: [{
    build: async (fresh) => {
      if (fresh) await closedResult(api, '2025-Q2', id('coordinator'));
      return { method: 'POST', path: `/v1/periods/${fresh ? '2025-Q2' : '2025-Q1'}/finalize` };
    },
    expect: only({ coordinator: 201 }, 403),
  }],
  listStatements: [{ build: get('/v1/periods/2026-Q1/statements'), expect: only({ coordinator: 200, leadership: 200, finance: 200 }, 403) }],
  getStatement: [{ build: () => ({ method: 'GET', path: `/v1/periods/2026-Q1/statements/${id('salesManager')}` }), expect: only({ coordinator: 200, leadership: 200, finance: 200, salesManager: 200 }, 403) }],
  exportStatements: [{ build: get('/v1/periods/2026-Q1/statements.csv'), expect: only({ finance: 200 }, 403) }],
  // 2026-Q1 is final here (409 for those who may ask); 2026-Q4 is open.
  getEstimate: [{ build: () => ({ method: 'GET', path: `/v1/periods/2026-Q4/estimate?staffId=${id('salesManager')}&addVisits=1` }), expect: only({ coordinator: 200, leadership: 200, salesManager: 200 }, 403) }],
  getBulletin: [{ build: get('/v1/periods/2026-Q1/bulletin'), expect: only({ coordinator: 200, leadership: 200, finance: 200, contactLeader: 200, salesManager: 200, formerManager: 200, otherManager: 200 }, 403) }],
  listTalentPool: [{ build: get('/v1/talent-pool?year=2026'), expect: only({ coordinator: 200, leadership: 200 }, 403) }],

  // The pay desk (issue 11): adjustments by coordinators and finance, approved by another; inquiries and sign-off by the person.
  createAdjustment: [{
    build: () => ({ method: 'POST', path: '/v1/periods/2026/adjustments', body: { staffId: id('salesManager'), amount: 10_000, category: 'bonus', reason: '季度特别贡献' } }),
    expect: only({ coordinator: 201, finance: 201 }, 403),
  }],
  approveAdjustment: [{
    // Its author is a third person of the desk, so neither caller of the desk is its author.
    build: async () => ({ method: 'POST', path: `/v1/periods/2026/adjustments/${await newAdjustment()}/approval` }),
    expect: only({ coordinator: 201, finance: 201 }, 403),
  }],
  listAdjustments: [{ build: get('/v1/periods/2026/adjustments?status=pending'), expect: only({ coordinator: 200, finance: 200, leadership: 200 }, 403) }],
  raiseInquiry: [{
    build: () => ({ method: 'POST', path: `/v1/periods/2026-Q1/statements/${id('salesManager')}/inquiries`, body: { text: '回款金额有疑问' } }),
    expect: only({ salesManager: 201 }, 403),
  }],
  listInquiries: [{ build: get('/v1/inquiries'), expect: only({}, 200) }],
  getInquiry: [{ build: async () => ({ method: 'GET', path: `/v1/inquiries/${await newInquiry()}` }), expect: only({ coordinator: 200, salesManager: 200 }, 403) }],
  answerInquiry: [{
    build: async () => ({ method: 'POST', path: `/v1/inquiries/${await newInquiry()}/answer`, body: { outcome: 'rejected', reason: '数据无误' } }),
    expect: only({ coordinator: 201 }, 403),
  }],
  acknowledgeStatement: [{ build: () => ({ method: 'POST', path: `/v1/periods/2026-Q1/statements/${id('salesManager')}/acknowledgement` }), expect: only({ salesManager: 201 }, 403) }],
  listStatementAcknowledgements: [{ build: get('/v1/periods/2026-Q1/acknowledgements?pending=true'), expect: only({ coordinator: 200, finance: 200 }, 403) }],
  // Those assessed in 2026 (a statement in a closed period of it) acknowledge its policy; others are not asked.
  acknowledgePolicy: [{ build: () => ({ method: 'POST', path: '/v1/pay-policies/2026/acknowledgement' }), expect: only({ contactLeader: 201, salesManager: 201, formerManager: 201 }, 403) }],
  listPolicyAcknowledgements: [{ build: get('/v1/pay-policies/2026/acknowledgements?pending=true'), expect: only({ coordinator: 200, finance: 200, leadership: 200 }, 403) }],
  confirmTalentGrade: [{ build: () => ({ method: 'POST', path: `/v1/talent-pool/2026/${id('salesManager')}/confirmation`, body: { grade: 'B' } }), expect: only({ coordinator: 201 }, 403) }],
};

/** `{a}`, `{opp}` … in a path stand for the world's objects, read when the request is built. */
const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, key: string) => (w as Record<string, string>)[key] ?? `{${key}}`);

const reportVersion = async () => {
  const reports = (await api.call('GET', `/v1/accounts/${w.a}/reports?from=2026-02&to=2026-02`, id('coordinator'))).body.items as { version: number }[];
  return `"${reports[0]?.version}"`;
};
const entryVersion = async () => `"${(await api.call('GET', `/v1/accounts/${w.a}/dossier/entries/${w.entry}`, id('salesManager'))).body.version}"`;

const rows = catalogue.flatMap((route) => (matrix[route.id] ?? []).map((entry) => ({ route, entry })));
// Reads first, then writes: a write builds its own objects when it is meant to succeed, and comes after every read.
rows.sort((x, y) => Number(x.route.method !== 'GET') - Number(y.route.method !== 'GET'));

describe('the role × relation matrix', () => {
  it('has an entry for every route of the catalogue, and none for a route it does not have', () => {
    const ids = catalogue.map((r) => r.id);
    expect(ids.filter((routeId) => matrix[routeId] === undefined)).toEqual([]);
    expect(Object.keys(matrix).filter((routeId) => !ids.includes(routeId))).toEqual([]);
    console.log(`access matrix: ${catalogue.length} routes, ${rows.length} rows × ${callers.length} callers = ${rows.length * callers.length} requests`);
  });

  describe.each(rows.map((r) => ({ ...r, name: `${r.route.method} ${r.route.path}${r.entry.variant === undefined ? '' : ` (${r.entry.variant})`}` })))('$name', ({ route, entry }) => {
    it.each(callers.map((who) => [who, entry.expect[who]] as const))('%s → %i', async (who, status) => {
      const built = await entry.build(status < 300);
      const request = { ...built, path: fill(built.path) };
      const reply = await fetch(`${api.base}${request.path}`, {
        method: request.method,
        headers: {
          authorization: `Bearer ${await api.token(id(who))}`,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...request.headers,
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const text = await reply.text();
      expect(reply.status, `${route.id} as ${who}: ${text.slice(0, 300)}`).toBe(status);
      if (status === 404 && request.path.startsWith('/v1/accounts/')) expect(JSON.parse(text).detail).toMatch(/^No /);
      if (status === 403) expect(JSON.parse(text).type).toMatch(/\/(account-owned|role-not-allowed|not-[a-z-]+|dossier-[a-z-]+)$/);
    });
  });
});
