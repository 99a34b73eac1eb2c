/**
 * Fills a running API with company G (scripts/local/demo-company.ts) through its own HTTP
 * routes, with the typed client. Safe to run again: every record is looked up first (by
 * name, credit code, title, day or month) and only the missing ones are written, each POST
 * with an Idempotency-Key derived from the seed and the record, so a retried or repeated
 * request within a day is answered from the first reply instead of writing twice.
 */
import { createHash } from 'node:crypto';
import { type KamClient, type components, createKamClient } from '#clients/typescript/index.ts';
import {
  type DemoAccount,
  type DemoPerson,
  type Random,
  deliveryDepartments,
  demoSize,
  planAccounts,
  planPeople,
  seeded,
} from '#local/demo-company.ts';

type Staff = components['schemas']['Staff'];
type Account = components['schemas']['Account'];
type Opportunity = components['schemas']['Opportunity'];
type Project = components['schemas']['Project'];

export interface DemoOptions {
  readonly baseUrl: string;
  /** A coordinator who exists already: local mode's bootstrap `admin`. */
  readonly adminId: string;
  readonly tokenFor: (staffId: string) => Promise<string>;
  /** 1 is the full company (about 300 accounts); the test runs 0.1. */
  readonly scale?: number;
  readonly seed?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  readonly log?: (line: string) => void;
}

/** What one run wrote (`created`) and what it found already there (`existing`), per kind of record. */
export type DemoCounts = Record<string, { created: number; existing: number }>;

export interface DemoResult {
  readonly counts: DemoCounts;
  readonly people: Record<string, Staff[]>;
  readonly keyAccounts: Account[];
  readonly accounts: number;
  readonly periods: { period: string; status: string }[];
  readonly requests: number;
  readonly milliseconds: number;
}

export const demoYear = 2026;
export const closedPeriods = ['2026-Q1', '2026-Q2', '2026-Q3'] as const;

/** openapi-fetch answers `{ data }` or `{ error }`; the demo stops at the first unexpected problem. */
const ok = <T>(what: string, result: { data?: T; error?: unknown; response: Response }): T => {
  if (result.data === undefined) throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
};

/** At most `limit` of `work` running at once, results in order. */
const mapLimit = async <T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

const day = (month: number, dayOfMonth: number) => `${demoYear}-${String(month).padStart(2, '0')}-${String(Math.min(dayOfMonth, 28)).padStart(2, '0')}`;
const addDays = (on: string, days: number) => new Date(Date.parse(`${on}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const yuan = (amount: number) => amount * 100;

/** Every page of a list route. */
const all = async <T>(what: string, fetchPage: (cursor: string | undefined) => Promise<{ data?: { items: T[]; nextCursor?: string | null }; error?: unknown; response: Response }>) => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = ok(what, await fetchPage(cursor));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
};

interface OpportunityPlan {
  readonly title: string;
  readonly source: 'sales' | 'leadership' | 'client_visit';
  readonly estimatedAmount: number;
  readonly outcome: 'won' | 'lost' | 'open';
  readonly on: string;
  readonly department: string;
  /** Share of the contract collected, in percent. */
  readonly collectedPercent: number;
}

const opportunityTitles = ['数据中心扩容', '园区网络改造', '云平台迁移', '安全等级保护', '智慧运维平台', '视频会议系统', '灾备中心建设', 'ERP 系统升级', '办公终端更新', '物联网监测平台'];
const lostReasons = ['客户预算冻结，项目推迟到明年', '竞争对手报价低 15%', '客户改为自建团队实施'];

/** A key account's year: three wins spread over Q1–Q3, one loss, one still open in Q4. */
const planOpportunities = (random: Random): OpportunityPlan[] => {
  const titles = [...opportunityTitles].sort(() => random.next() - 0.5).slice(0, 5);
  const months = [random.int(1, 3), random.int(4, 6), random.int(7, 9), random.int(2, 8), random.int(10, 11)];
  const outcomes: OpportunityPlan['outcome'][] = ['won', 'won', 'won', 'lost', 'open'];
  return titles.map((title, i) => {
    const month = months[i] ?? 1;
    return {
      title,
      source: random.pick(['sales', 'sales', 'leadership', 'client_visit'] as const),
      estimatedAmount: yuan(random.int(30, 400) * 10_000),
      outcome: outcomes[i] ?? 'open',
      on: day(month, random.int(3, 26)),
      department: random.pick(deliveryDepartments),
      // The older the contract, the more of it is in.
      collectedPercent: month <= 6 ? 100 : month <= 9 ? random.pick([40, 60, 100]) : 0,
    };
  });
};

export const fillDemo = async (options: DemoOptions): Promise<DemoResult> => {
  const started = Date.now();
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 2026;
  const limit = options.concurrency ?? 8;
  const say = options.log ?? (() => undefined);
  const log = (line: string) => say(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}`);
  const random = seeded(seed);
  const size = demoSize(scale);
  const plan = planPeople(random, size);
  const accountPlan = planAccounts(random, size.accounts);

  let requests = 0;
  const counting: typeof fetch = (input, init) => {
    requests++;
    return fetch(input, init);
  };
  const clients = new Map<string, KamClient>();
  const as = async (staffId: string) => {
    const known = clients.get(staffId);
    if (known !== undefined) return known;
    const client = createKamClient({ baseUrl: options.baseUrl, token: await options.tokenFor(staffId), fetch: counting });
    clients.set(staffId, client);
    return client;
  };
  const counts: DemoCounts = {};
  const tally = (kind: string, created: boolean) => {
    const entry = (counts[kind] ??= { created: 0, existing: 0 });
    if (created) entry.created++;
    else entry.existing++;
  };
  /** The same key for the same record on every run of this seed. */
  const key = (...identity: (string | number)[]) => `demo-${seed}-${createHash('sha256').update(identity.join('|')).digest('hex').slice(0, 40)}`;
  const idem = (...identity: (string | number)[]) => ({ 'idempotency-key': key(...identity) });

  const admin = await as(options.adminId);

  // People: found by name (the demo's names are distinct), else hired; sales managers trained.
  const existingStaff = await all('list staff', (cursor) => admin.GET('/v1/staff', { params: { query: { limit: 200, ...(cursor === undefined ? {} : { cursor }) } } }));
  const byName = new Map(existingStaff.map((s) => [s.name, s]));
  const hire = async (person: DemoPerson): Promise<Staff> => {
    const found = byName.get(person.name);
    tally('staff', found === undefined);
    if (found !== undefined) return found;
    const body = { name: person.name, department: person.department, roles: person.roles, grade: person.grade };
    return ok(`hire ${person.key}`, await admin.POST('/v1/staff', { body, headers: idem('staff', person.key) }));
  };
  const groups = Object.entries(plan) as [keyof typeof plan, DemoPerson[]][];
  const hired = await mapLimit(groups.flatMap(([, list]) => list), limit, hire);
  const byKey = new Map(groups.flatMap(([, list]) => list).map((person, i) => [person.key, hired[i] as Staff]));
  const people = Object.fromEntries(groups.map(([group, list]) => [group, list.map((person) => byKey.get(person.key) as Staff)])) as Record<keyof typeof plan, Staff[]>;
  await mapLimit(people.salesManagers, limit, async (manager, i) => {
    for (const kind of ['basic', 'rotation'] as const) {
      const passed = kind === 'basic' ? manager.training.basicPassed : manager.training.rotationPassed;
      tally('training', !passed);
      if (passed) continue;
      const body = { kind, passed: true, completedOn: `${demoYear - 1}-${kind === 'basic' ? '09' : '11'}-${String(10 + (i % 15))}`, score: 80 + (i % 20) };
      ok(`${kind} training`, await admin.POST('/v1/staff/{id}/training', { params: { path: { id: manager.id } }, body, headers: idem('training', kind, manager.id) }));
    }
  });
  log(`staff: ${Object.values(people).flat().length}`);

  // Accounts: found by credit code, else added; the first ones designated key accounts from 1 January.
  const existingAccounts = await all('list accounts', (cursor) => admin.GET('/v1/accounts', { params: { query: { limit: 200, ...(cursor === undefined ? {} : { cursor }) } } }));
  const byCode = new Map(existingAccounts.map((a) => [a.creditCode, a]));
  const accounts = await mapLimit(accountPlan, limit, async (account: DemoAccount) => {
    const found = byCode.get(account.creditCode);
    tally('accounts', found === undefined);
    if (found !== undefined) return found;
    const body = { name: account.name, industry: account.industry, creditCode: account.creditCode };
    return ok(`account ${account.key}`, await admin.POST('/v1/accounts', { body, headers: idem('account', account.creditCode) }));
  });
  const holders = (i: number) => ({ leader: people.contactLeaders[i % people.contactLeaders.length] as Staff, manager: people.salesManagers[i % people.salesManagers.length] as Staff });
  const keyAccounts = await mapLimit(accounts.slice(0, size.keyAccounts), limit, async (account, i) => {
    tally('designations', account.tier !== 'key');
    if (account.tier === 'key') return account;
    const { leader, manager } = holders(i);
    const body = { contactLeaderId: leader.id, salesManagerId: manager.id, effectiveOn: `${demoYear}-01-01` };
    return ok(`designate ${account.id}`, await admin.POST('/v1/accounts/{id}/designation', { params: { path: { id: account.id } }, body, headers: idem('designation', account.id) }));
  });
  log(`accounts: ${accounts.length} (${keyAccounts.length} key)`);

  // The year's rules: the pay policy and each key account's targets (set once; a PUT over them would be a new version).
  const payPolicy = await admin.GET('/v1/pay-policies/{year}', { params: { path: { year: demoYear } } });
  tally('payPolicies', payPolicy.response.status === 404);
  if (payPolicy.response.status === 404) {
    const grade = (g: string, monthly: number) => ({ grade: g, monthlyBase: yuan(monthly), quarterlyPerformanceBase: yuan(monthly * 1.5), annualPerformanceBase: yuan(monthly * 6) });
    const body = { grades: [grade('P5', 12_000), grade('P6', 16_000), grade('P7', 22_000), grade('P8', 30_000), grade('P9', 40_000)] };
    ok('pay policy', await admin.PUT('/v1/pay-policies/{year}', { params: { path: { year: demoYear } }, body }));
  } else ok('read pay policy', payPolicy);

  const plans = keyAccounts.map((account, i) => ({ account, ...holders(i), opportunities: planOpportunities(seeded(seed * 1_000 + i)) }));
  await mapLimit(plans, limit, async ({ account, opportunities }) => {
    const targets = await admin.GET('/v1/accounts/{id}/targets/{year}', { params: { path: { id: account.id, year: demoYear } } });
    tally('targets', targets.response.status === 404);
    if (targets.response.status !== 404) return ok('read targets', targets);
    const contract = opportunities.filter((o) => o.outcome !== 'lost').reduce((sum, o) => sum + o.estimatedAmount, 0);
    const body = { contractAmount: Math.round(contract / 1_000_000) * 1_000_000, collectionAmount: Math.round((contract * 0.8) / 1_000_000) * 1_000_000 };
    return ok('targets', await admin.PUT('/v1/accounts/{id}/targets/{year}', { params: { path: { id: account.id, year: demoYear } }, body }));
  });

  // Each key account's year of business, accounts side by side, each account's records in order.
  const finance = await as((people.finance[0] as Staff).id);
  const departmentStaff = (department: string) => people.departmentStaff.find((s) => s.department === department) as Staff;
  const lastMonth = 11;
  await mapLimit(plans, limit, async ({ account, leader, manager, opportunities }, index) => {
    const sales = await as(manager.id);
    const lead = await as(leader.id);
    const path = { id: account.id };

    const known = await all('list opportunities', (cursor) => sales.GET('/v1/opportunities', { params: { query: { accountId: account.id, limit: 200, ...(cursor === undefined ? {} : { cursor }) } } }));
    const projects = await all('list projects', (cursor) => sales.GET('/v1/projects', { params: { query: { accountId: account.id, limit: 200, ...(cursor === undefined ? {} : { cursor }) } } }));
    for (const o of opportunities) {
      let opportunity: Opportunity | undefined = known.find((k) => k.title === o.title);
      tally('opportunities', opportunity === undefined);
      if (opportunity === undefined) {
        const body = { accountId: account.id, title: o.title, source: o.source, estimatedAmount: o.estimatedAmount, expectedCloseOn: addDays(o.on, 30) };
        opportunity = ok('opportunity', await sales.POST('/v1/opportunities', { body, headers: idem('opportunity', account.id, o.title) }));
      }
      if (o.outcome === 'lost') {
        tally('losses', opportunity.stage !== 'lost');
        if (opportunity.stage !== 'lost') {
          const reason = lostReasons[index % lostReasons.length] ?? '';
          ok('lose', await sales.POST('/v1/opportunities/{id}/lose', { params: { path: { id: opportunity.id } }, body: { lostOn: o.on, reason }, headers: idem('lose', opportunity.id) }));
        }
        continue;
      }
      if (o.outcome !== 'won') continue;
      let project: Project | undefined = projects.find((p) => p.opportunityId === opportunity.id);
      tally('wins', project === undefined);
      if (project === undefined) {
        const body = { wonOn: o.on, projects: [{ name: `${o.title}项目`, department: o.department, contractAmount: o.estimatedAmount }] };
        const won = ok('win', await sales.POST('/v1/opportunities/{id}/win', { params: { path: { id: opportunity.id } }, body, headers: idem('win', opportunity.id) }));
        project = won.projects[0] as Project;
      }
      const deliveredOn = addDays(o.on, 45);
      if (deliveredOn < `${demoYear}-11-20`) {
        tally('deliveries', project.deliveredOn === null);
        if (project.deliveredOn === null) {
          const department = await as(departmentStaff(project.department).id);
          ok('delivery', await department.POST('/v1/projects/{id}/delivery', { params: { path: { id: project.id } }, body: { deliveredOn }, headers: idem('delivery', project.id) }));
        }
      }
      const issuedOn = addDays(o.on, 14);
      tally('invoices', project.invoicedAmount === 0);
      if (project.invoicedAmount > 0) {
        tally('payments', false);
        continue;
      }
      const invoice = ok(
        'invoice',
        await finance.POST('/v1/projects/{id}/invoices', { params: { path: { id: project.id } }, body: { amount: project.contractAmount, issuedOn, dueOn: addDays(issuedOn, 30) }, headers: idem('invoice', project.id) }),
      );
      const paid = Math.round((project.contractAmount * o.collectedPercent) / 100);
      if (paid === 0) continue;
      tally('payments', true);
      ok('payment', await finance.POST('/v1/invoices/{id}/payments', { params: { path: { id: invoice.id } }, body: { amount: paid, receivedOn: addDays(issuedOn, 20) }, headers: idem('payment', invoice.id) }));
    }

    // Visits: the sales manager each month, the contact leader each quarter.
    const visits = await all('list visits', (cursor) =>
      sales.GET('/v1/accounts/{id}/visits', { params: { path, query: { from: `${demoYear}-01-01`, to: `${demoYear}-12-31`, limit: 200, ...(cursor === undefined ? {} : { cursor }) } } }),
    );
    const visited = new Set(visits.map((v) => `${v.madeBy}|${v.visitedOn}`));
    const visitPlan = [
      ...Array.from({ length: lastMonth }, (_, m) => ({ by: manager, client: sales, on: day(m + 1, 5 + ((index + m) % 20)), type: m % 3 === 0 ? ('formal_visit' as const) : ('routine_visit' as const), summary: `${m + 1} 月例行拜访：了解客户信息化需求与在建项目进展` })),
      ...[2, 5, 8, 11].map((m) => ({ by: leader, client: lead, on: day(m, 18 + (index % 8)), type: 'formal_visit' as const, summary: '联系领导季度高层拜访：对接客户分管领导，沟通年度合作重点' })),
    ];
    for (const v of visitPlan) {
      const there = visited.has(`${v.by.id}|${v.on}`);
      tally('visits', !there);
      if (there) continue;
      ok('visit', await v.client.POST('/v1/accounts/{id}/visits', { params: { path }, body: { type: v.type, visitedOn: v.on, summary: v.summary }, headers: idem('visit', account.id, v.by.id, v.on) }));
    }

    // Monthly reports by the sales manager, January to November.
    const reports = ok('list reports', await sales.GET('/v1/accounts/{id}/reports', { params: { path, query: { from: `${demoYear}-01`, to: `${demoYear}-12` } } }));
    const filed = new Set(reports.items.map((r) => r.month));
    for (let m = 1; m <= lastMonth; m++) {
      const month = `${demoYear}-${String(m).padStart(2, '0')}`;
      tally('reports', !filed.has(month));
      if (filed.has(month)) continue;
      const body = { month, summary: `${account.name} ${m} 月工作月报：拜访与商机跟进情况、回款进度、下月计划。`, keyFigures: { visits: m % 3 === 1 ? 2 : 1, openOpportunities: 1 + (m % 3) } };
      ok('report', await sales.POST('/v1/accounts/{id}/reports', { params: { path }, body, headers: idem('report', account.id, month) }));
    }

    // The dossier (客户档案): its basic facts and the client's contacts, by the sales manager.
    const entries = await all('list dossier', (cursor) => sales.GET('/v1/accounts/{id}/dossier', { params: { path, query: { limit: 200, ...(cursor === undefined ? {} : { cursor }) } } }));
    const dossier = [
      { kind: 'basic_facts' as const, title: '客户基本情况', content: `${account.name}，所属行业：${account.industry}。\n统一社会信用代码：${account.creditCode ?? ''}\n信息化建设由信息中心统一归口管理。` },
      { kind: 'contact' as const, title: '关键联系人', content: '信息中心主任（决策人）\n采购部经理（商务对接）\n运维主管（技术对接）' },
    ];
    for (const entry of dossier) {
      const there = entries.some((e) => e.title === entry.title);
      tally('dossierEntries', !there);
      if (there) continue;
      ok('dossier entry', await sales.POST('/v1/accounts/{id}/dossier/entries', { params: { path }, body: entry, headers: idem('dossier', account.id, entry.kind) }));
    }
  });
  log('business, visits, reports and dossiers: done');

  // Meetings: the coordination group monthly, the contact leaders' quarterly reviews, leadership's half-year review.
  const coordinator = people.coordinators[0] as Staff;
  const coordination = await as(coordinator.id);
  const keyIds = keyAccounts.map((a) => a.id);
  const meetings = [
    ...Array.from({ length: lastMonth }, (_, m) => ({ type: 'coordination_monthly' as const, heldOn: day(m + 1, 25), attendeeIds: people.coordinators.map((s) => s.id), accountIds: keyIds.slice((m * 5) % keyIds.length).slice(0, 5), minutes: `${m + 1} 月市场协调例会：通报重点客户拜访与回款情况。`, decisions: ['按期完成月报'] })),
    ...[3, 6, 9].map((m, q) => ({
      type: 'contact_leader_quarterly_review' as const,
      heldOn: day(m, 27),
      attendeeIds: [...people.contactLeaders, ...people.coordinators].map((s) => s.id).slice(0, 60),
      accountIds: keyIds.slice(0, 20),
      minutes: `第 ${q + 1} 季度联系领导工作会：逐户回顾重点客户目标完成情况。`,
      decisions: ['落后客户由联系领导牵头制定追赶计划'],
      actionItems: [{ action: '提交落后客户追赶计划', ownerId: (people.contactLeaders[q % people.contactLeaders.length] as Staff).id, dueOn: addDays(day(m, 27), 14) }],
    })),
    { type: 'leadership_semiannual_review' as const, heldOn: day(7, 8), attendeeIds: [...people.leadership, ...people.coordinators].map((s) => s.id), accountIds: keyIds.slice(0, 20), minutes: '半年度重点客户工作评审。', decisions: ['下半年聚焦回款'] },
  ];
  const heldByType = new Map<string, Set<string>>();
  for (const type of new Set(meetings.map((m) => m.type))) {
    const held = await all('list meetings', (cursor) => coordination.GET('/v1/meetings', { params: { query: { type, from: `${demoYear}-01-01`, to: `${demoYear}-12-31`, limit: 200, ...(cursor === undefined ? {} : { cursor }) } } }));
    heldByType.set(type, new Set(held.map((m) => m.heldOn)));
  }
  await mapLimit(meetings, limit, async (meeting) => {
    const there = heldByType.get(meeting.type)?.has(meeting.heldOn) === true;
    tally('meetings', !there);
    if (there) return;
    ok('meeting', await coordination.POST('/v1/meetings', { body: meeting, headers: idem('meeting', meeting.type, meeting.heldOn) }));
  });

  // Two-way scores for each closed quarter: department staff score the team, sales managers score a department.
  const scores = closedPeriods.flatMap((period, q) => [
    ...[...people.salesManagers, ...people.contactLeaders].map((target, i) => ({
      period,
      scorer: people.departmentStaff[(i + q) % people.departmentStaff.length] as Staff,
      target: target.id,
      body: { period, targetStaffId: target.id, score: 62 + ((i * 7 + q * 3) % 36), comment: '配合积极，响应及时' },
    })),
    ...people.salesManagers.map((scorer, i) => {
      const department = deliveryDepartments[(i + q) % deliveryDepartments.length] as string;
      return { period, scorer, target: department, body: { period, targetDepartment: department, score: 70 + ((i * 5 + q) % 28) } };
    }),
  ]);
  // The scores a target already has (an Idempotency-Key replay would answer 201 again, so look first).
  const given = new Set<string>();
  const targets = [...new Map(scores.map((s) => [`${s.period}|${s.target}`, s])).values()];
  await mapLimit(targets, limit, async ({ period, target, body }) => {
    const query = 'targetStaffId' in body ? { period, targetStaffId: target } : { period, targetDepartment: target };
    const summary = ok('read scores', await coordination.GET('/v1/peer-scores', { params: { query } }));
    for (const score of summary.scores) given.add(`${period}|${target}|${score.scorerId}`);
  });
  await mapLimit(scores, limit, async ({ period, scorer, target, body }) => {
    const there = given.has(`${period}|${target}|${scorer.id}`);
    tally('peerScores', !there);
    if (!there) ok('peer score', await (await as(scorer.id)).POST('/v1/peer-scores', { body, headers: idem('score', scorer.id, period, target) }));
  });
  log('meetings and scores: done');

  // Q1–Q3 closed and finalised; a final period is refused a close (409 period-finalised) and left as it is.
  const periods: DemoResult['periods'] = [];
  for (const period of closedPeriods) {
    const closed = await admin.POST('/v1/periods/{period}/close', { params: { path: { period } } });
    if (closed.response.status === 409 && JSON.stringify(closed.error).includes('period-finalised')) {
      tally('finalisedPeriods', false);
      periods.push({ period, status: 'final' });
      continue;
    }
    // The run is done before the reply locally (202 with the run; api.md).
    const run = ok(`close ${period}`, closed);
    if (run.status !== 'done') throw new Error(`close ${period}: the run ${run.status} ${JSON.stringify(run.reason)}`);
    const final = ok(`finalise ${period}`, await admin.POST('/v1/periods/{period}/finalize', { params: { path: { period } }, headers: idem('finalise', period) }));
    tally('finalisedPeriods', true);
    periods.push({ period, status: final.status });
    log(`${period}: closed and finalised`);
  }

  return { counts, people, keyAccounts, accounts: accounts.length, periods, requests, milliseconds: Date.now() - started };
};
