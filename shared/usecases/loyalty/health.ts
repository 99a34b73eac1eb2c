import { getTargets, listAccounts } from '#shared/db/accounts.ts';
import { listOpenInvoicesOfAccount, listProjectsWonBetween } from '#shared/db/business.ts';
import * as business from '#shared/db/business.ts';
import { all, page } from '#shared/db/entity.ts';
import * as store from '#shared/db/loyalty.ts';
import { assertKey } from '#shared/domain/accounts.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import { overdueOn } from '#shared/domain/loyalty/feedback.ts';
import { healthIn } from '#shared/domain/loyalty/explain.ts';
import { type HealthInputs, healthFigure } from '#shared/domain/loyalty/health.ts';
import type { Language } from '#shared/domain/pay/explain.ts';
import { computeCompliance } from '#shared/domain/pay/compliance.ts';
import { type Period, parsePeriod } from '#shared/domain/pay/period.ts';
import type { Caller } from '#shared/domain/staff.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type { Health } from '#shared/schemas/loyalty.ts';
import { loadAccountFor } from '#shared/usecases/account-guard.ts';
import { accountFacts, policyFor } from '#shared/usecases/compliance.ts';
import { calendarsFrom, loyaltyPolicyFor } from '#shared/usecases/loyalty/settings.ts';
import { overallOf } from '#shared/usecases/loyalty/surveys.ts';
import { planInForce } from '#shared/usecases/plans.ts';

/*
 * Account health (issue 13 item 6): the facts of each part read with keyed queries, the
 * figure made by the pure rule (shared/domain/loyalty/health.ts).
 */

/**
 * The account plan's parts (issue 12): whether the account has an approved plan in force
 * for the period's year (none, or only a draft: not approved), and of the objectives of
 * that plan due by `asOf` (dropped ones aside) how many are done. Objectives carry no
 * done date, so done by now counts as met on time. Read here and only here.
 */
export const planParts = async (accountId: string, period: Period, asOf: string): Promise<Pick<HealthInputs, 'plan' | 'objectives'>> => {
  const plan = await planInForce(accountId, period.year);
  if (plan === undefined) return { plan: { approved: false }, objectives: null };
  const due = plan.objectives.filter((o) => o.dueOn <= asOf && o.status !== 'dropped');
  return { plan: { approved: true }, objectives: { due: due.length, onTime: due.filter((o) => o.status === 'done').length } };
};

const quartersOf = (period: Period) => period.quarterIndexes.map((q) => `${period.year}-Q${q}`);

/** Every fact the figure needs, as of `asOf` (the period's last day, or today while it runs). */
export const healthInputs = async (account: Account, period: Period, asOf: string): Promise<HealthInputs> => {
  const [facts, payPolicy, plan, feedback, satisfaction, invoices, targets, won, opportunities] = await Promise.all([
    accountFacts(account.id, period),
    policyFor(period.year),
    planParts(account.id, period, asOf),
    all(store.feedback, 'byAccount', { accountId: account.id }),
    overallOf(account.id, quartersOf(period)),
    listOpenInvoicesOfAccount(account.id),
    getTargets(account.id, period.year),
    listProjectsWonBetween(account.id, period.from, asOf),
    all(business.opportunities, 'byAccount', { accountId: account.id }),
  ]);
  // Visits and reports: what the account's holders in P owed and did on it (pay.md step 5).
  const holders = new Map(facts.assignments.filter((a) => a.from <= period.to && (a.to === null || a.to >= period.from)).map((a) => [`${a.role}#${a.staffId}`, a]));
  const rows = [...holders.values()].map((a) => computeCompliance({ staffId: a.staffId, role: a.role, period, policy: payPolicy, accounts: [facts], meetings: [] }).view.accounts[0]);
  const visits = { required: 0, done: 0 };
  const reports = { required: 0, done: 0 };
  for (const row of rows) {
    if (row === undefined) continue;
    visits.required += row.visitsRequired;
    // A holder's extra visits do not make up for another's missing ones: each counts at most what they owed.
    visits.done += Math.min(row.visitsDone, row.visitsRequired);
    reports.required += row.reportsRequired ?? 0;
    reports.done += Math.min(row.reportsDone ?? 0, row.reportsRequired ?? 0);
  }
  const policy = await loyaltyPolicyFor(period.year);
  const complaints = feedback.filter((f) => f.kind === 'complaint' && f.receivedOn <= asOf);
  const calendars = await calendarsFrom(complaints.map((c) => c.receivedOn).sort()[0] ?? asOf, policy);
  const overdue = complaints.filter((c) => overdueOn(c, asOf, calendars) !== null).length;
  const openAmount = invoices.reduce((s, i) => s + i.amount - i.paidAmount, 0);
  const overdueAmount = invoices.filter((i) => i.dueOn < asOf).reduce((s, i) => s + i.amount - i.paidAmount, 0);
  const targetAmount = targets === undefined ? 0 : period.kind === 'year' ? targets.contractAmount : period.quarterIndexes.reduce((s, q) => s + (targets.quarters.contract[q - 1] ?? 0), 0);
  const openStages = new Set(['open', 'qualified', 'proposal', 'negotiation']);
  return {
    visits,
    reports,
    ...plan,
    complaints: { overdue },
    satisfaction: satisfaction.surveys === 0 ? null : satisfaction,
    receivables: { openAmount, overdueAmount },
    pipeline: targets === undefined ? null : {
      targetAmount,
      wonAmount: won.reduce((s, p) => s + p.contractAmount, 0),
      openAmount: opportunities.filter((o) => openStages.has(o.stage)).reduce((s, o) => s + o.estimatedAmount, 0),
    },
  };
};

const asOfFor = (period: Period, today: string) => (today < period.to ? today : period.to);

export const healthOf = async (account: Account, periodId: string, today = todayInShanghai()): Promise<Health & { exact: { n: bigint; d: bigint } }> => {
  const period = parsePeriod(periodId, ['quarter', 'year']);
  const asOf = asOfFor(period, today);
  const figure = healthFigure(await healthInputs(account, period, asOf), await loyaltyPolicyFor(period.year));
  return { accountId: account.id, name: account.name, period: period.id, score: figure.score, parts: figure.parts, explanation: [`as of ${asOf}`, ...figure.explanation], exact: figure.exact };
};

/** GET /v1/accounts/{id}/health: for the account's holders and those who oversee it. */
export const accountHealth = async (caller: Caller, accountId: string, periodId: string, language: Language = 'en'): Promise<Health> => {
  const account = await loadAccountFor(caller, accountId, 'held');
  assertKey(account);
  const { exact: _exact, ...health } = await healthOf(account, periodId);
  return healthIn(health, language);
};

/** Figures every key account's health of a period and stores it for the ranked list: the monthly job and a coordinator run it. */
export const refreshHealth = async (periodId: string, today = todayInShanghai()): Promise<{ period: string; accounts: number }> => {
  const period = parsePeriod(periodId, ['quarter', 'year']);
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await listAccounts({ tier: 'key', limit: 50, cursor });
    const figures = await Promise.all(page.items.map(async (a) => {
      const { exact: _exact, ...health } = await healthOf(a, period.id, today);
      return health;
    }));
    await store.saveHealthSnapshots(figures);
    count += figures.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { period: period.id, accounts: count };
};

/** The coordination group's ranked list, worst first, as last refreshed. */
export const rankedHealth = async (periodId: string, limit: number, cursor?: string, language: Language = 'en') => {
  const ranked = await page(store.healthSnapshots, 'ranked', { period: parsePeriod(periodId, ['quarter', 'year']).id }, limit, cursor);
  return { ...ranked, items: ranked.items.map((h) => healthIn(h, language)) };
};

