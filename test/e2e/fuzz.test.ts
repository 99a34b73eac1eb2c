import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapLimited } from '#shared/concurrency.ts';
import { insertRequest } from '#shared/db/requests.ts';
import { defaultPolicy } from '#shared/domain/pay/policy.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { catalogue } from '#shared/routes/index.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount, createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, type Reply, startApi } from '#test/support/api.ts';
import {
  type Answer,
  RawJson,
  badLimits,
  badParams,
  badPathParams,
  doctoredCursors,
  fieldVariants,
  fieldsOf,
  problemWith,
  shapeOf,
  toJson,
  unwrap,
  withValue,
} from '#test/support/fuzz.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/**
 * The catalogue fuzz test (issue 9): every route, called by someone its roles and the
 * object rules let through, gets a battery of malformed inputs derived from its zod
 * schemas. No answer may be a 5xx, and every 4xx must be problem+json. Deterministic:
 * the battery is fixed, only the order of concurrent requests varies.
 */

let api: Api;

interface World {
  staff: Record<'admin' | 'cl' | 'sm' | 'sm2' | 'finance' | 'dept' | 'victim' | 'editee', Staff>;
  key: string;
  key2: string;
  normal: string;
  /** patchAccount's own account: its version moves only with that route's answers. */
  editable: string;
  opportunity: string;
  toWin: string;
  toLose: string;
  project: string;
  project2: string;
  invoice: string;
  dispute: string;
  dispute2: string;
  meeting: string;
  actionItem: string;
  handover: string;
  entry: string;
  spotCheck: string;
  followUp: string;
  matter: string;
  matter2: string;
  closeRun: string;
  adjustment: string;
  adjustment2: string;
  inquiry: string;
  inquiry2: string;
  stakeholder: string;
  stakeholder2: string;
  request: string;
  request2: string;
  news: string;
  feedback: string;
  feedback2: string;
  pilot: string;
  pilot2: string;
  incentive: string;
  incentive2: string;
}
let world: World;

const ok = (reply: Reply, status = 201): Record<string, any> => {
  if (reply.status !== status) throw new Error(`seed: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as Record<string, any>;
};

/** A small world in which every path parameter names something real, and every list has two pages. */
const seedWorld = async (): Promise<World> => {
  const admin = await seedStaff(['coordinator', 'leadership'], { name: 'Fuzz admin' });
  const cl = await seedStaff(['contact_leader']);
  const sm = await seedTrainedSalesManager();
  const sm2 = await seedTrainedSalesManager();
  const finance = await seedStaff(['finance'], { department: '财务部' });
  const dept = await seedStaff(['department_staff'], { department: '交付一部' });
  const victim = await seedStaff(['sales_manager'], { name: 'Fuzz target' });
  // patchStaff's own target: its version moves only with that route's answers.
  const editee = await seedStaff(['sales_manager'], { name: 'Fuzz editee' });
  const as = admin.id;
  const call = (method: string, path: string, who: string, body?: unknown) => api.call(method, path, who, body === undefined ? {} : { body });

  const key = (await createKeyAccount(api, as, cl.id, sm.id)).id;
  const key2 = (await createKeyAccount(api, as, cl.id, sm.id)).id;
  const normal = (await createAccount(api, as)).id;
  const editable = (await createAccount(api, as)).id;
  ok(await call('PUT', `/v1/accounts/${key}/targets/2026`, as, { contractAmount: 4_000_000, collectionAmount: 3_200_000 }));
  for (const id of [key, key2]) ok(await call('PUT', `/v1/accounts/${id}/revenue/2026`, as, { annualRevenueAmount: 9_000_000 }));

  const newOpportunity = async (title: string) =>
    ok(await call('POST', '/v1/opportunities', sm.id, { accountId: key, title, source: 'sales', estimatedAmount: 100_000 })).id as string;
  const opportunity = await newOpportunity('模糊商机一');
  const toWin = await newOpportunity('模糊商机二');
  const toLose = await newOpportunity('模糊商机三');
  const won = await newOpportunity('模糊商机四');
  for (const note of ['初次接触', '方案沟通']) ok(await call('POST', `/v1/opportunities/${opportunity}/updates`, sm.id, { note }));
  const projects = ok(await call('POST', `/v1/opportunities/${won}/win`, sm.id, {
    wonOn: '2026-02-10',
    projects: [{ name: '项目甲', department: '交付一部', contractAmount: 1_000_000 }, { name: '项目乙', department: '交付一部', contractAmount: 500_000 }],
  })).projects as { id: string }[];
  const [project, project2] = projects.map((p) => p.id) as [string, string];
  const invoice = ok(await call('POST', `/v1/projects/${project}/invoices`, finance.id, { amount: 100_000, issuedOn: '2026-03-05', dueOn: '2026-04-04' })).id as string;
  ok(await call('POST', `/v1/invoices/${invoice}/payments`, finance.id, { amount: 10_000, receivedOn: '2026-03-20' }));

  const fileDispute = async (subject: string) =>
    ok(await call('POST', '/v1/disputes', as, { accountId: key, opportunityId: opportunity, subject, description: '归属有争议' })).id as string;
  const dispute = await fileDispute('争议一');
  const dispute2 = await fileDispute('争议二');

  for (const visitedOn of ['2026-01-12', '2026-01-26']) {
    ok(await call('POST', `/v1/accounts/${key}/visits`, sm.id, { type: 'routine_visit', visitedOn, summary: '拜访', participantIds: [cl.id] }));
  }
  ok(await call('POST', `/v1/accounts/${key}/reports`, sm.id, { month: '2026-01', summary: '一月月报', keyFigures: { visits: 2 } }));

  let meeting = '';
  let actionItem = '';
  for (const heldOn of ['2026-01-15', '2026-02-15']) {
    const recorded = ok(await call('POST', '/v1/meetings', as, {
      type: 'coordination_monthly', heldOn, attendeeIds: [as, sm.id], accountIds: [key],
      actionItems: [{ action: '跟进回款', ownerId: sm.id, dueOn: '2026-04-15' }],
    }));
    meeting = recorded.id;
    actionItem = recorded.actionItems[0].id;
  }

  const handover = ok(await call('POST', `/v1/accounts/${key2}/reassignments`, as, {
    role: 'sales_manager', staffId: sm2.id, effectiveOn: '2026-03-01', reason: 'other', handover: { items: ['客户档案'] },
  })).handover.id as string;

  const entry = ok(await call('POST', `/v1/accounts/${key}/dossier/entries`, sm.id, { kind: 'contact', title: '联系人', content: '张总' })).id as string;
  ok(await call('POST', `/v1/accounts/${key}/dossier/entries`, sm.id, { kind: 'note', title: '备注', content: '内容' }));
  ok(await api.call('PATCH', `/v1/accounts/${key}/dossier/entries/${entry}`, sm.id, { body: { content: '张总（新）' }, headers: { 'if-match': '"1"' } }), 200);
  for (const staffId of [finance.id, dept.id]) ok(await call('POST', `/v1/accounts/${key}/dossier/grants`, as, { staffId, expiresOn: '2099-12-31' }));
  for (let i = 0; i < 2; i++) ok(await call('GET', `/v1/accounts/${key}/dossier`, as), 200);

  const addStakeholder = async (name: string) =>
    ok(await call('POST', `/v1/accounts/${key}/stakeholders`, sm.id, {
      name, title: '主任', decisionRole: 'champion', influence: 4, relationshipStrength: 3, relationshipOwnerId: sm.id, contact: { phone: '138 0000 0000' },
    })).id as string;
  const stakeholder = await addStakeholder('王主任');
  const stakeholder2 = await addStakeholder('李主任');
  const logRequest = async (summary: string) =>
    ok(await call('POST', `/v1/accounts/${key}/requests`, sm.id, { kind: 'expert_support', summary, department: '交付一部', dueOn: '2099-01-01' })).id as string;
  const request = await logRequest('专家支持一');
  const request2 = await logRequest('专家支持二');
  // Two overdue requests, as they would stand once past due (the API logs none overdue).
  for (const id of [`FUZZLATE1${Date.now()}`, `FUZZLATE2${Date.now()}`]) {
    await insertRequest({
      id, accountId: key, accountTier: 'key', kind: 'deadline', summary: '工期', department: '交付一部', dueOn: '2026-01-05', status: 'open', loggedBy: sm.id,
      loggedAt: new Date().toISOString(), acceptedBy: null, acceptedAt: null, delivered: null, declineReason: null, closedBy: null, closedAt: null, version: 1,
    }, { actorId: 'fuzz-seed', requestId: 'seed', at: new Date().toISOString() });
  }
  let news = '';
  for (const summary of ['中标', '发布会']) news = ok(await call('POST', `/v1/accounts/${key}/news`, sm.id, { kind: 'business', happenedOn: '2026-02-01', source: '官网', summary })).id as string;
  // The 2026 plan of the key account: version 1 approved, version 2 a draft.
  ok(await call('POST', `/v1/accounts/${key}/plans`, sm.id, {
    year: 2026, situation: { strategy: '转型', businessLayout: '两大板块', challenges: '预算', competitors: ['甲'] },
    objectives: [{ title: '框架合同', ownerId: sm.id, dueOn: '2026-06-30', measure: '合同额' }],
  }));
  ok(await api.call('POST', `/v1/accounts/${key}/plans/2026/versions/1/approval`, cl.id, { headers: { 'if-match': '"1"' } }));
  ok(await call('POST', `/v1/accounts/${key}/plans/2026/versions`, sm.id, { pricing: '下浮 5%' }));

  // Loyalty, part 2 (issue 13): two of each listed thing.
  ok(await call('PUT', '/v1/holiday-calendars/2026', as, { holidays: ['2026-10-01'], workdays: ['2026-10-10'] }));
  ok(await call('PUT', '/v1/loyalty-policies/2026', as, { pilotKeyAccountDays: 14 }));
  const complain = async (receivedOn: string) =>
    ok(await call('POST', `/v1/accounts/${key}/feedback`, sm.id, { kind: 'complaint', severity: 'critical', receivedOn, stakeholderId: stakeholder, summary: '投诉' })).id as string;
  const feedback = await complain('2026-03-02');
  const feedback2 = await complain('2026-03-03');
  for (const stakeholderId of [stakeholder, stakeholder2]) {
    ok(await call('POST', `/v1/accounts/${key}/surveys`, sm.id, { period: '2026-Q2', stakeholderId, surveyedOn: '2026-05-20', overall: 4, product: 4, service: 3, responsiveness: 5 }));
  }
  const openPilot = async (name: string) =>
    ok(await call('POST', '/v1/pilots', as, { name, description: '试点说明', department: '网络部', from: '2026-01-01', to: '2026-12-31', capacity: 10 })).id as string;
  const pilot = await openPilot('试点一');
  const pilot2 = await openPilot('试点二');
  for (const accountId of [key, key2]) {
    ok(await call('POST', `/v1/pilots/${pilot}/offers`, as, { accountId, offeredOn: '2026-01-02', answer: 'accepted' }));
    ok(await call('POST', `/v1/pilots/${pilot}/enrolments`, as, { accountId, enrolledOn: '2026-01-03' }));
  }
  const propose = async (year: number) =>
    ok(await call('POST', `/v1/accounts/${key}/incentives`, sm.id, { kind: 'reward', amount: 10_000, validFrom: `${year}-01-01`, validTo: `${year}-12-31`, description: '奖励' })).id as string;
  const incentive = await propose(2031);
  const incentive2 = await propose(2032);
  ok(await call('POST', '/v1/health/2026-Q1/refresh', as), 200);

  let spotCheck = '';
  let followUp = '';
  for (const checkedOn of ['2026-02-01', '2026-02-02']) {
    const check = ok(await call('POST', `/v1/accounts/${key}/spot-checks`, as, {
      checkedOn, scope: ['visits'], findings: '记录完整', rating: 'good', followUps: [{ action: '补充纪要', ownerId: sm.id, dueOn: '2026-03-01' }],
    }));
    spotCheck = check.id;
    followUp = check.followUps[0].id;
  }
  const reportMatter = async (summary: string) =>
    ok(await call('POST', `/v1/accounts/${key}/major-matters`, as, { occurredOn: '2026-02-01', category: 'quality', summary })).id as string;
  const matter = await reportMatter('质量问题一');
  const matter2 = await reportMatter('质量问题二');

  ok(await call('PUT', '/v1/pay-policies/2026', as, {
    grades: [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }],
  }));
  ok(await call('POST', '/v1/peer-scores', dept.id, { period: '2026-Q2', targetStaffId: sm.id, score: 80 }));
  const closeRun = ok(await call('POST', '/v1/periods/2026-Q1/close', as), 202);
  if (closeRun.status !== 'done') throw new Error(`seed: the close ${JSON.stringify(closeRun.reason)}`);
  // The pay desk works on 2026-Q2, so that finalising 2026-Q1 is not held back by it.
  if (ok(await call('POST', '/v1/periods/2026-Q2/close', as), 202).status !== 'done') throw new Error('seed: the 2026-Q2 close failed');
  const adjust = async (reason: string) =>
    ok(await call('POST', '/v1/periods/2026-Q2/adjustments', finance.id, { staffId: sm.id, amount: 5_000, category: 'correction', reason })).id as string;
  const adjustment = await adjust('补记回款一');
  const adjustment2 = await adjust('补记回款二');
  const inquire = async (text: string) => ok(await call('POST', `/v1/periods/2026-Q2/statements/${sm.id}/inquiries`, sm.id, { text })).id as string;
  const inquiry = await inquire('查询一');
  const inquiry2 = await inquire('查询二');

  return {
    staff: { admin, cl, sm, sm2, finance, dept, victim, editee },
    key, key2, normal, editable, opportunity, toWin, toLose, project, project2, invoice, dispute, dispute2,
    meeting, actionItem, handover, entry, spotCheck, followUp, matter, matter2, closeRun: closeRun.runId as string, adjustment, adjustment2, inquiry, inquiry2,
    stakeholder, stakeholder2, request, request2, news, feedback, feedback2, pilot, pilot2, incentive, incentive2,
  };
};

/** A valid call of each route: its path parameters, query and body; the fuzz changes one thing at a time. */
interface Baseline {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  ifMatch?: string;
}

const baselines = (w: World): Record<string, Baseline> => {
  const { admin, cl, sm, sm2, victim, editee } = w.staff;
  const range = { from: '2026-01-01', to: '2026-12-31' };
  return {
    createStaff: { body: { name: '模糊测试', department: '市场部', roles: ['sales_manager'], grade: 'P6' } },
    getStaff: { params: { id: victim.id } },
    getDocsAsset: { params: { asset: 'init.js' } },
    listStaff: { query: { role: 'sales_manager' } },
    patchStaff: { params: { id: editee.id }, body: { name: '模糊', department: '市场部', roles: ['sales_manager'], grade: 'P7' }, ifMatch: '"1"' },
    recordTraining: { params: { id: victim.id }, body: { kind: 'basic', passed: true, completedOn: '2026-01-05', score: 90, departments: ['市场部'] } },
    awardCertification: { params: { id: victim.id }, body: { level: 'junior', awardedOn: '2026-06-30', scores: { performance: 90, satisfaction: 88, professionalism: 85 } } },
    recordDeparture: { params: { id: victim.id }, body: { leftOn: '2026-11-30' } },
    rerunSignInSync: { params: { id: victim.id } },
    createAccount: { body: { name: '模糊客户', industry: '能源', creditCode: '91350100M000100Y43' } },
    getAccount: { params: { id: w.key } },
    listAccounts: { query: { tier: 'key' } },
    patchAccount: { params: { id: w.editable }, body: { name: '模糊客户改', industry: '制造' }, ifMatch: '"1"' },
    designateAccount: { params: { id: w.normal }, body: { contactLeaderId: cl.id, salesManagerId: sm.id, effectiveOn: '2026-01-01' } },
    reassignAccount: {
      params: { id: w.key2 },
      body: { role: 'sales_manager', staffId: sm.id, effectiveOn: '2026-04-01', reason: 'customer_request', handover: { items: ['客户档案'], openIssues: ['回款'], notes: '交接' } },
    },
    listAccountAssignments: { params: { id: w.key } },
    putAccountTargets: {
      params: { id: w.key, year: 2026 }, ifMatch: '"1"',
      body: { contractAmount: 1_000_000, collectionAmount: 800_000, quarters: { contract: [250_000, 250_000, 250_000, 250_000], collection: [200_000, 200_000, 200_000, 200_000] } },
    },
    getAccountTargets: { params: { id: w.key, year: 2026 } },
    putAccountRevenue: { params: { id: w.key, year: 2026 }, body: { annualRevenueAmount: 5_000_000 }, ifMatch: '"1"' },
    listKeyAccountCandidates: { query: { year: '2026' } },
    createOpportunity: { body: { accountId: w.key, title: '模糊商机', source: 'sales', estimatedAmount: 100_000, expectedCloseOn: '2026-06-30' } },
    getOpportunity: { params: { id: w.opportunity } },
    listOpportunities: { query: { accountId: w.key } },
    addOpportunityUpdate: { params: { id: w.opportunity }, body: { note: '跟进', stage: 'qualified' } },
    listOpportunityUpdates: { params: { id: w.opportunity } },
    winOpportunity: { params: { id: w.toWin }, body: { wonOn: '2026-02-10', projects: [{ name: '项目', department: '交付一部', contractAmount: 100_000 }] } },
    loseOpportunity: { params: { id: w.toLose }, body: { lostOn: '2026-02-10', reason: '预算取消' } },
    getProject: { params: { id: w.project } },
    listProjects: { query: { accountId: w.key } },
    recordDelivery: { params: { id: w.project }, body: { deliveredOn: '2026-03-01' } },
    changeProjectDepartment: { params: { id: w.project2 }, body: { department: '交付二部', effectiveOn: '2026-03-01', reason: 'other' } },
    listProjectDepartmentChanges: { params: { id: w.project2 } },
    issueInvoice: { params: { id: w.project }, body: { amount: 1_000, issuedOn: '2026-03-05', dueOn: '2026-04-04' } },
    getInvoice: { params: { id: w.invoice } },
    recordPayment: { params: { id: w.invoice }, body: { amount: 100, receivedOn: '2026-03-20' } },
    listReceivables: { query: { overdue: 'false', asOf: '2026-05-01' } },
    getAccountPipeline: { params: { id: w.key } },
    fileDispute: { body: { accountId: w.key, opportunityId: w.opportunity, againstDepartment: '交付一部', subject: '归属', description: '说明' } },
    getDispute: { params: { id: w.dispute } },
    listDisputes: { query: { status: 'open' } },
    decideDispute: { params: { id: w.dispute2 }, body: { decision: '裁定归属', inFavourOf: 'filer' } },
    recordVisit: { params: { id: w.key }, body: { type: 'routine_visit', visitedOn: '2026-02-10', summary: '拜访', participantIds: [cl.id] } },
    listAccountVisits: { params: { id: w.key }, query: range },
    listPersonVisits: { query: { staffId: sm.id, ...range } },
    fileReport: { params: { id: w.key }, body: { month: '2026-02', summary: '二月月报', keyFigures: { visits: 2, 回款: '60万' } } },
    amendReport: { params: { id: w.key, month: '2026-01' }, body: { summary: '修订', keyFigures: { visits: 3 } }, ifMatch: '"1"' },
    listReports: { params: { id: w.key }, query: { from: '2026-01', to: '2026-12' } },
    recordMeeting: {
      body: {
        type: 'coordination_monthly', heldOn: '2026-03-15', attendeeIds: [admin.id, sm.id], accountIds: [w.key], minutes: '纪要', decisions: ['决定'],
        actionItems: [{ action: '跟进', ownerId: sm.id, dueOn: '2026-04-15' }],
      },
    },
    listMeetings: { query: { type: 'coordination_monthly', ...range } },
    getMeeting: { params: { id: w.meeting } },
    markActionItemDone: { params: { id: w.meeting, itemId: w.actionItem }, body: { doneOn: '2026-04-10' } },
    listHandovers: { params: { id: w.key2 } },
    getHandover: { params: { id: w.key2, handoverId: w.handover } },
    confirmHandoverReceipt: { params: { id: w.key2, handoverId: w.handover }, body: { receivedOn: '2026-03-02', notes: '已核对' } },
    getCompliance: { query: { period: '2026-Q1' } },
    listAlerts: { query: { staffId: sm.id, month: '2026-01' } },
    listOpenActionItems: { query: { ownerId: sm.id } },
    addDossierEntry: { params: { id: w.key }, body: { kind: 'note', title: '备注', content: '内容' } },
    editDossierEntry: { params: { id: w.key, entryId: w.entry }, body: { title: '新标题', content: '新内容' }, ifMatch: '"2"' },
    listDossier: { params: { id: w.key } },
    getDossierEntry: { params: { id: w.key, entryId: w.entry } },
    listDossierEntryVersions: { params: { id: w.key, entryId: w.entry } },
    grantDossierAccess: { params: { id: w.key }, body: { staffId: sm2.id, expiresOn: '2099-12-31' } },
    listDossierGrants: { params: { id: w.key } },
    listDossierAccessLog: { params: { id: w.key } },
    recordSpotCheck: {
      params: { id: w.key },
      body: { checkedOn: '2026-02-03', scope: ['visits', 'reports'], findings: '发现', rating: 'good', followUps: [{ action: '整改', ownerId: sm.id, dueOn: '2026-03-01' }] },
    },
    listAccountSpotChecks: { params: { id: w.key } },
    getSpotCheck: { params: { id: w.spotCheck } },
    completeFollowUp: { params: { id: w.spotCheck, followUpId: w.followUp }, body: { doneOn: '2026-02-15' } },
    reportMajorMatter: { params: { id: w.key }, body: { occurredOn: '2026-02-01', category: 'quality', summary: '问题', details: '细节' } },
    listAccountMajorMatters: { params: { id: w.key }, query: { status: 'unacknowledged' } },
    listMajorMatters: { query: { status: 'unacknowledged' } },
    getMajorMatter: { params: { id: w.matter } },
    acknowledgeMajorMatter: { params: { id: w.matter2 }, body: { response: '收到' } },
    addStakeholder: {
      params: { id: w.key },
      body: { name: '张处长', title: '采购处处长', department: '采购处', decisionRole: 'gatekeeper', influence: 3, relationshipStrength: 2, relationshipOwnerId: sm.id, contact: { email: 'z@example.cn', note: '备注' } },
    },
    listStakeholders: { params: { id: w.key }, query: { status: 'active' } },
    getStakeholder: { params: { id: w.key, stakeholderId: w.stakeholder } },
    editStakeholder: { params: { id: w.key, stakeholderId: w.stakeholder }, body: { influence: 5, department: null, contact: { phone: '139' } }, ifMatch: '"1"' },
    recordStakeholderDeparture: { params: { id: w.key, stakeholderId: w.stakeholder2 }, body: { leftOn: '2026-03-01', note: '调任' } },
    getStakeholderContact: { params: { id: w.key, stakeholderId: w.stakeholder } },
    draftAccountPlan: {
      params: { id: w.key },
      body: {
        year: 2027, situation: { strategy: '转型', businessLayout: '板块', challenges: '预算', competitors: ['甲', '乙'] },
        objectives: [{ title: '框架合同', ownerId: sm.id, dueOn: '2027-06-30', measure: '合同额', status: 'in_progress', targetLink: { measure: 'contract', amount: 1_000_000 } }],
        tailoredServices: ['驻场'], pricing: '下浮', onSiteStaff: [{ staffId: sm.id, location: '总部', from: '2027-01-01', to: '2027-12-31' }], stakeholderIds: [w.stakeholder],
      },
    },
    getAccountPlan: { params: { id: w.key, year: 2026 } },
    listAccountPlanVersions: { params: { id: w.key, year: 2026 } },
    reviseAccountPlan: { params: { id: w.key, year: 2026 }, body: { pricing: '下浮 7%', tailoredServices: ['专家'] } },
    getAccountPlanVersion: { params: { id: w.key, year: 2026, number: 1 } },
    editAccountPlanDraft: { params: { id: w.key, year: 2026, number: 2 }, body: { pricing: '下浮 6%', stakeholderIds: [w.stakeholder] }, ifMatch: '"1"' },
    approveAccountPlan: { params: { id: w.key, year: 2026, number: 2 }, ifMatch: '"1"' },
    listOverdueObjectives: { params: { id: w.key, year: 2026 } },
    listAccountsWithoutPlan: { query: { year: '2026' } },
    logPriorityRequest: { params: { id: w.key }, body: { kind: 'scheme_support', summary: '方案', department: '交付一部', dueOn: '2099-01-01' } },
    listAccountRequests: { params: { id: w.key }, query: { status: 'open' } },
    getPriorityRequest: { params: { id: w.key, requestId: w.request } },
    answerPriorityRequest: { params: { id: w.key, requestId: w.request2 }, body: { outcome: 'done', delivered: '已交付', reason: '无' } },
    listDepartmentRequests: { params: { department: '交付一部' } },
    listOverdueRequests: {},
    recordAccountNews: { params: { id: w.key }, body: { kind: 'product_strategy', happenedOn: '2026-02-01', source: '官网', summary: '新战略', support: [{ what: '专家', byStaffId: sm.id, givenOn: '2026-02-01' }] } },
    listAccountNews: { params: { id: w.key }, query: { kind: 'business' } },
    addNewsSupport: { params: { id: w.key, newsId: w.news }, body: { what: '专家支持', byStaffId: sm.id, givenOn: '2026-02-01' } },
    listNewsFeed: { query: { kind: 'business' } },
    putPayPolicy: {
      params: { year: 2026 }, ifMatch: '"1"',
      body: { ...defaultPolicy, grades: [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }] },
    },
    getPayPolicy: { params: { year: 2026 } },
    scorePeer: { body: { period: '2026-Q3', targetStaffId: sm.id, score: 80, comment: '配合积极' } },
    amendPeerScore: { params: { period: '2026-Q2', targetType: 'staff', target: sm.id }, body: { score: 70, comment: '修改' }, ifMatch: '"1"' },
    getPeerScores: { query: { period: '2026-Q2', targetStaffId: sm.id } },
    closePeriod: { params: { period: '2026-Q1' } },
    getCloseRun: { params: { period: '2026-Q1', runId: w.closeRun } },
    finalizePeriod: { params: { period: '2026-Q1' }, body: { force: true, reason: '发薪截止' } },
    listStatements: { params: { period: '2026-Q1' } },
    getStatement: { params: { period: '2026-Q1', staffId: sm.id } },
    exportStatements: { params: { period: '2026-Q1' } },
    getEstimate: { params: { period: '2026-Q4' }, query: { staffId: sm.id, addContractAmount: '100', addCollectionAmount: '100', addVisits: '1' } },
    getBulletin: { params: { period: '2026-Q1' }, query: { section: 'accounts' } },
    listTalentPool: { query: { year: '2026' } },
    confirmTalentGrade: { params: { year: 2026, staffId: sm.id }, body: { grade: 'B' } },
    createAdjustment: { params: { period: '2026-Q2' }, body: { staffId: sm.id, amount: 10_000, category: 'bonus', reason: '特别贡献' } },
    approveAdjustment: { params: { period: '2026-Q2', id: w.adjustment } },
    listAdjustments: { params: { period: '2026-Q2' }, query: { status: 'pending' } },
    raiseInquiry: { params: { period: '2026-Q2', staffId: sm.id }, body: { role: 'sales_manager', accountId: w.key, line: 0, text: '回款有误' } },
    listInquiries: { query: { status: 'open' } },
    getInquiry: { params: { id: w.inquiry } },
    answerInquiry: { params: { id: w.inquiry2 }, body: { outcome: 'accepted', action: 'adjusted', adjustmentId: w.adjustment2, note: '已调整' } },
    acknowledgeStatement: { params: { period: '2026-Q1', staffId: sm.id } },
    listStatementAcknowledgements: { params: { period: '2026-Q1' }, query: { pending: 'true' } },
    acknowledgePolicy: { params: { year: 2026 } },
    listPolicyAcknowledgements: { params: { year: 2026 }, query: { pending: 'true' } },
    putHolidayCalendar: { params: { year: 2026 }, body: { holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] }, ifMatch: '"1"' },
    getHolidayCalendar: { params: { year: 2026 } },
    putLoyaltyPolicy: {
      params: { year: 2026 }, ifMatch: '"1"',
      body: { deadlines: { critical: { acknowledge: 1, reportBack: 5 } }, pilotKeyAccountDays: 14, healthWeights: { visits: 15, reports: 10, plan: 10, objectives: 10, complaints: 15, satisfaction: 15, receivables: 15, pipeline: 10 } },
    },
    getLoyaltyPolicy: { params: { year: 2026 } },
    recordFeedback: {
      params: { id: w.key },
      body: { kind: 'complaint', severity: 'high', receivedOn: '2026-03-02', stakeholderId: w.stakeholder, department: '交付一部', projectId: w.project, summary: '投诉', details: '细节' },
    },
    listAccountFeedback: { params: { id: w.key }, query: { status: 'received', asOf: '2026-12-01' } },
    getFeedback: { params: { id: w.feedback } },
    stepFeedback: { params: { id: w.feedback2 }, body: { step: 'acknowledged', on: '2026-03-05', note: '已确认' } },
    listOverdueFeedback: { query: { asOf: '2026-06-01' } },
    recordSurvey: {
      params: { id: w.key },
      body: { period: '2026-Q1', stakeholderId: w.stakeholder, surveyedOn: '2026-03-20', overall: 4, product: 4, service: 4, responsiveness: 4, comment: '满意' },
    },
    listAccountSurveys: { params: { id: w.key }, query: { period: '2026-Q2' } },
    getSatisfaction: { query: { period: '2026-Q2' } },
    openPilot: { body: { name: '试点', description: '说明', department: '网络部', from: '2026-05-01', to: '2026-08-31', capacity: 5 } },
    listPilots: {},
    getPilot: { params: { id: w.pilot } },
    offerPilot: { params: { id: w.pilot }, body: { accountId: w.key, offeredOn: '2026-01-05', answer: 'accepted', note: '愿意' } },
    listPilotOffers: { params: { id: w.pilot } },
    enrolInPilot: { params: { id: w.pilot }, body: { accountId: w.normal, enrolledOn: '2026-06-01' } },
    listPilotEnrolments: { params: { id: w.pilot } },
    recordPilotOutcome: { params: { id: w.pilot2 }, body: { summary: '良好', adoption: 'adopted', opportunityIds: [w.opportunity], recordedOn: '2026-06-30' } },
    listPilotNotOffered: { params: { id: w.pilot2 } },
    proposeIncentive: { params: { id: w.key }, body: { kind: 'discount', rateBasisPoints: 500, validFrom: '2027-01-01', validTo: '2027-06-30', description: '折扣' } },
    listAccountIncentives: { params: { id: w.key } },
    getIncentive: { params: { id: w.incentive } },
    approveIncentive: { params: { id: w.incentive2 } },
    getIncentiveCost: { params: { id: w.key }, query: { year: '2026' } },
    getForumCompliance: { query: { year: '2026' } },
    getAccountHealth: { params: { id: w.key }, query: { period: '2026-Q1' } },
    listHealth: { query: { period: '2026-Q1' } },
    refreshHealth: { params: { period: '2026-Q1' } },
  };
};

/** Who calls each route: someone whom its roles and the object-level rules let reach the use case. */
const callers: Partial<Record<string, keyof World['staff']>> = {
  fileReport: 'sm',
  amendReport: 'sm',
  addDossierEntry: 'sm',
  editDossierEntry: 'sm',
  markActionItemDone: 'sm',
  completeFollowUp: 'sm',
  confirmHandoverReceipt: 'sm2',
  scorePeer: 'dept',
  amendPeerScore: 'dept',
  recordDelivery: 'dept',
  exportStatements: 'finance',
  raiseInquiry: 'sm',
  acknowledgeStatement: 'sm',
  acknowledgePolicy: 'sm',
  draftAccountPlan: 'sm',
  reviseAccountPlan: 'sm',
  editAccountPlanDraft: 'sm',
  approveAccountPlan: 'cl',
  answerPriorityRequest: 'dept',
  listDepartmentRequests: 'dept',
};

interface Probe {
  route: RouteDefinition;
  variant: string;
  path: string;
  /** Encoded `name=value` pairs. */
  query: [string, string][];
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** If-Match is the route's current version, followed from its own answers' ETags. */
  tracked?: boolean;
  /** Signed validly, for a subject that names no staff record. */
  unknownCaller?: boolean;
}

interface Failure {
  route: string;
  variant: string;
  problem: string;
  excerpt: string;
}

const encodeQuery = (query: Record<string, string> = {}): [string, string][] =>
  Object.entries(query).map(([name, value]) => [name, encodeURIComponent(value)]);

const buildPath = (route: RouteDefinition, params: Record<string, string>) =>
  route.path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name] ?? 'MISSING');

const jsonBody = (body: unknown): Pick<Probe, 'body' | 'contentType'> => ({ body: toJson(body), contentType: 'application/json' });

/** The malformed battery of one route: path, query, body and header variants, one change each. */
const malformedProbes = (route: RouteDefinition, baseline: Baseline, cursors: Map<string, string>): Probe[] => {
  const params = Object.fromEntries(Object.entries(baseline.params ?? {}).map(([name, value]) => [name, encodeURIComponent(String(value))]));
  const path = buildPath(route, params);
  const query = encodeQuery(baseline.query);
  const body = baseline.body ?? {};
  const base = { route, path, query, tracked: baseline.ifMatch !== undefined, ...(route.body === undefined ? {} : jsonBody(body)) };
  const probes: Probe[] = [];

  for (const name of Object.keys(params)) {
    for (const [label, value] of badPathParams) {
      probes.push({ ...base, variant: `path ${name}: ${label}`, path: buildPath(route, { ...params, [name]: value }) });
    }
  }

  if (route.query !== undefined) {
    const withParam = (name: string, value: string | undefined): [string, string][] => [
      ...query.filter(([n]) => n !== name),
      ...(value === undefined ? [] : [[name, value] as [string, string]]),
    ];
    for (const [name, schema] of Object.entries(shapeOf(route.query))) {
      const { required } = unwrap(schema);
      if (required) probes.push({ ...base, variant: `query ${name}: missing`, query: withParam(name, undefined) });
      const values = name === 'limit' ? [...badParams.slice(0, 2), ...badLimits] : name === 'cursor' ? badParams.slice(0, 3) : badParams;
      for (const [label, value] of values) probes.push({ ...base, variant: `query ${name}: ${label}`, query: withParam(name, value) });
      probes.push({ ...base, variant: `query ${name}: repeated`, query: [...withParam(name, undefined), [name, 'a'], [name, 'b']] });
    }
    for (const unknown of ['zz', '__proto__']) probes.push({ ...base, variant: `query: unknown ${unknown}`, query: [...query, [unknown, '1']] });
    const cursor = cursors.get(route.id);
    if (cursor !== undefined) {
      const others = [...cursors.entries()].filter(([id]) => id !== route.id);
      const other = others[0]?.[1] ?? cursor;
      for (const [label, value] of doctoredCursors(cursor, other)) {
        probes.push({ ...base, variant: `cursor: ${label}`, query: [...query, ['limit', '1'], ['cursor', encodeURIComponent(value)]] });
      }
    }
  }

  if (route.body !== undefined) {
    for (const field of fieldsOf(route.body, body)) {
      const name = `body.${field.path.join('.')}`;
      const current = field.path.reduce<unknown>((at, part) => (at as Record<string | number, unknown> | undefined)?.[part], body);
      for (const [label, value] of fieldVariants(field, current)) {
        probes.push({ ...base, variant: `${name}: ${label}`, ...jsonBody(withValue(body, field.path, value)) });
      }
    }
    const whole: [string, string][] = [
      ['unknown field', toJson({ ...body, zzUnknown: 1 })],
      ['own __proto__ key', `{"__proto__":{"polluted":true}${Object.keys(body).length > 0 ? `,${toJson(body).slice(1)}` : '}'}`],
      ['array', toJson([body])],
      ['string', '"text"'],
      ['null', 'null'],
      ['invalid JSON', toJson(body).slice(0, -1)],
      ['empty', ''],
      ['1 MB', toJson({ ...body, pad: 'x'.repeat(1_000_000) })],
      ['nested 200 deep', toJson({ ...body, zzDeep: new RawJson(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`) })],
    ];
    for (const [label, text] of whole) probes.push({ ...base, variant: `body: ${label}`, body: text, contentType: 'application/json' });
  }

  if (route.auth !== 'public') probes.push({ ...base, variant: 'token naming no staff member', unknownCaller: true, tracked: false });

  if (route.ifMatch !== undefined) {
    for (const value of ['garbage', '"99999999999999999999"', '"1", "2"']) {
      probes.push({ ...base, variant: `if-match: ${value}`, headers: { 'if-match': value }, tracked: false });
    }
  }
  return probes;
};

/** Well-formed calls, which may change the world: run after the malformed battery, one route at a time. */
const wellFormedProbes = (route: RouteDefinition, baseline: Baseline): Probe[] => {
  const params = Object.fromEntries(Object.entries(baseline.params ?? {}).map(([name, value]) => [name, encodeURIComponent(String(value))]));
  const base = {
    route,
    path: buildPath(route, params),
    query: encodeQuery(baseline.query),
    tracked: baseline.ifMatch !== undefined,
  };
  if (route.body === undefined) return [{ ...base, variant: 'baseline' }];
  const text = toJson(baseline.body ?? {});
  return [
    { ...base, variant: 'body sent as text/plain', body: text, contentType: 'text/plain' },
    { ...base, variant: 'body sent as form data', body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { ...base, variant: 'body without content type', body: text },
    { ...base, variant: 'baseline', body: text, contentType: 'application/json' },
  ];
};

const send = async (probe: Probe, token: string, ifMatch?: string): Promise<Answer> => {
  const search = probe.query.map(([name, value]) => `${name}=${value}`).join('&');
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...probe.headers };
  if (ifMatch !== undefined) headers['if-match'] = ifMatch;
  if (probe.contentType !== undefined) headers['content-type'] = probe.contentType;
  const response = await fetch(`${api.base}${probe.path}${search === '' ? '' : `?${search}`}`, {
    method: probe.route.method,
    headers,
    ...(probe.body === undefined ? {} : { body: probe.body }),
    signal: AbortSignal.timeout(25_000),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', etag: response.headers.get('etag'), text: await response.text() };
};

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  world = await seedWorld();
});
afterAll(() => api.close());

describe('every route of the catalogue, fuzzed', () => {
  it('answers every malformed input without a 5xx, and every 4xx as problem+json', async () => {
    const all = baselines(world);
    const callerOf = (route: RouteDefinition) => world.staff[callers[route.id] ?? 'admin'].id;
    const tokens = new Map<string, string>();
    for (const staff of Object.values(world.staff)) tokens.set(staff.id, await api.token(staff.id));
    const nobody = await api.token('NOSUCHSTAFF00000000000000');
    const tokenOf = (probe: Probe) => (probe.unknownCaller === true ? nobody : tokens.get(callerOf(probe.route)) ?? '');

    // Each If-Match route runs its probes in order, sending the version its last success gave.
    const versions = new Map(Object.entries(all).flatMap(([id, b]) => (b.ifMatch === undefined ? [] : [[id, b.ifMatch] as const])));
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    const run = async (probe: Probe): Promise<Answer | undefined> => {
      requests++;
      let answer: Answer;
      try {
        answer = await send(probe, tokenOf(probe), probe.tracked === true ? versions.get(probe.route.id) : undefined);
      } catch (error) {
        failures.push({ route: probe.route.id, variant: probe.variant, problem: 'no answer', excerpt: String(error) });
        return undefined;
      }
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (probe.tracked === true && answer.status < 300 && answer.etag !== null) versions.set(probe.route.id, answer.etag);
      const problem = problemWith(answer);
      if (problem !== undefined) failures.push({ route: probe.route.id, variant: probe.variant, problem, excerpt: answer.text.slice(0, 160) });
      return answer;
    };

    // A real cursor of every paged list: its first page of one item.
    const cursors = new Map<string, string>();
    const pagedRoutes = catalogue.filter((route) => 'cursor' in shapeOf(route.query));
    for (const route of pagedRoutes) {
      const baseline = all[route.id] ?? {};
      const params = Object.fromEntries(Object.entries(baseline.params ?? {}).map(([name, value]) => [name, encodeURIComponent(String(value))]));
      const probe: Probe = { route, variant: 'first page, limit=1', path: buildPath(route, params), query: [...encodeQuery(baseline.query), ['limit', '1']] };
      const answer = await run(probe);
      const cursor = answer?.status === 200 ? (JSON.parse(answer.text) as { nextCursor?: unknown }).nextCursor : undefined;
      if (typeof cursor === 'string') cursors.set(route.id, cursor);
      else failures.push({ route: route.id, variant: 'setup: no second page with limit=1', problem: `${answer?.status}`, excerpt: answer?.text.slice(0, 160) ?? '' });
    }
    // A route added to the catalogue without a baseline would probe a path of MISSING ids.
    for (const route of catalogue) {
      const missing = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').filter((name) => all[route.id]?.params?.[name] === undefined);
      if (missing.length > 0) failures.push({ route: route.id, variant: 'setup: no baseline for path parameters', problem: missing.join(', '), excerpt: '' });
    }

    const malformed = catalogue.flatMap((route) => malformedProbes(route, all[route.id] ?? {}, cursors));
    const chains = new Map<string, Probe[]>();
    for (const probe of malformed.filter((p) => p.tracked === true)) chains.set(probe.route.id, [...(chains.get(probe.route.id) ?? []), probe]);
    const tasks = [...chains.values(), ...malformed.filter((p) => p.tracked !== true).map((p) => [p])];
    const started = Date.now();
    await mapLimited(tasks, 8, async (task) => {
      for (const probe of task) await run(probe);
    });
    for (const route of catalogue) {
      for (const probe of wellFormedProbes(route, all[route.id] ?? {})) await run(probe);
    }

    const fiveXX = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
    console.log(`fuzz: ${requests} requests over ${catalogue.length} routes (battery ${Date.now() - started} ms), ${fiveXX} answered 5xx, ${failures.length} failures; by status ${JSON.stringify(Object.fromEntries(statuses))}`);
    const lines = failures
      .sort((a, b) => a.route.localeCompare(b.route) || a.variant.localeCompare(b.variant))
      .map((f) => `${f.route} | ${f.variant} | ${f.problem} | ${f.excerpt}`);
    expect(lines, `${failures.length} answers broke the rules:\n${lines.join('\n')}`).toEqual([]);
  }, 240_000);
});
