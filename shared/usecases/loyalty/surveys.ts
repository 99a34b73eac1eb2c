import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { all } from '#shared/db/entity.ts';
import * as store from '#shared/db/loyalty.ts';
import { assertKey } from '#shared/domain/accounts.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import { formatRatio } from '#shared/domain/ratio.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { fieldError, RuleViolation } from '#shared/errors.ts';
import type { SatisfactionDerivation, Survey, SurveyInput } from '#shared/schemas/loyalty.ts';
import { quarterOf } from '#shared/db/partitions.ts';
import { addDays } from '#shared/domain/dates.ts';
import { integer, mul, rational, roundToPlaces, toDecimal } from '#shared/domain/pay/rational.ts';
import { loadAccountFor } from '#shared/usecases/account-guard.ts';
import { assertStakeholders } from '#shared/usecases/stakeholders.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const surveyLocation = (accountId: string, period: string) => `/v1/accounts/${encodeURIComponent(accountId)}/surveys?period=${period}`;

/** The account's people (or a coordinator) record a named stakeholder's survey of a quarter, once per stakeholder and quarter. */
export const recordSurvey = async (caller: Caller, accountId: string, input: SurveyInput, audit: AuditContext): Promise<Survey> => {
  const account = await loadAccountFor(caller, accountId, 'act');
  assertKey(account);
  const today = todayInShanghai(new Date(audit.at));
  if (input.surveyedOn > today) throw new RuleViolation('date-in-future', msg(M.loyalty_stepInFuture, { on: input.surveyedOn, today }), [fieldError('body.surveyedOn', msg(M.field_notAfter, { day: today }))]);
  await assertStakeholders(accountId, [{ path: 'body.stakeholderId', id: input.stakeholderId }], input.surveyedOn);
  const survey: Survey = {
    id: ulid(),
    accountId,
    period: input.period,
    stakeholderId: input.stakeholderId,
    surveyedOn: input.surveyedOn,
    overall: input.overall,
    product: input.product,
    service: input.service,
    responsiveness: input.responsiveness,
    comment: input.comment ?? null,
    salesManagerId: account.salesManagerId,
    contactLeaderId: account.contactLeaderId,
    recordedBy: audit.actorId,
    recordedAt: audit.at,
  };
  await store.insertSurvey(survey, audit);
  return survey;
};

export const findAccountSurveys = async (caller: Caller, accountId: string, q: { period?: string; limit: number; cursor?: string }) => {
  await loadAccountFor(caller, accountId, 'held');
  return store.listSurveysOfAccount(accountId, q.period, q.limit, q.cursor);
};

const scores = ['overall', 'product', 'service', 'responsiveness'] as const;

/** Mean scores to 4 places, half up, from exact sums. */
export const averagesOf = (list: readonly Survey[]) => ({
  surveys: list.length,
  ...Object.fromEntries(scores.map((s) => [s, formatRatio(BigInt(list.reduce((sum, x) => sum + x[s], 0)), BigInt(Math.max(1, list.length)))])),
}) as { surveys: number } & Record<(typeof scores)[number], string>;

const groupBy = <K extends string>(list: readonly Survey[], keyOf: (s: Survey) => K | null) => {
  const groups = new Map<K, Survey[]>();
  for (const s of list) {
    const k = keyOf(s);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
};

/** A quarter's averages per account and per sales manager (the one holding the account when surveyed). */
export const satisfactionSummary = async (period: string) => {
  const surveys = await all(store.surveys, 'ofPeriod', { period });
  return {
    period,
    accounts: groupBy(surveys, (s) => s.accountId).map(([accountId, list]) => ({ accountId, ...averagesOf(list) })),
    salesManagers: groupBy(surveys, (s) => s.salesManagerId).map(([staffId, list]) => ({ staffId, ...averagesOf(list) })),
  };
};

/** Sum and count of overall scores of one account's surveys in the quarters of a period (health). */
export const overallOf = async (accountId: string, quarters: readonly string[]) => {
  const lists = await Promise.all(quarters.map((q) => all(store.surveys, 'ofAccountInPeriod', { accountId, period: q })));
  const surveys = lists.flat();
  return { surveys: surveys.length, overallSum: surveys.reduce((s, x) => s + x.overall, 0) };
};

/**
 * A certification's satisfaction score from the surveys of the accounts the person held
 * (as sales manager or contact leader) in the year up to `awardedOn`: the mean overall
 * score × 20, to 2 places half up (5 → 100). 422 when there is no survey to take it from.
 */
export const satisfactionFromSurveys = async (staffId: string, awardedOn: string): Promise<SatisfactionDerivation> => {
  const from = addDays(awardedOn, -364);
  const quarters = { range: { from: quarterOf(from), to: quarterOf(awardedOn) } };
  const [asManager, asLeader] = await Promise.all([
    all(store.surveys, 'ofSalesManager', { salesManagerId: staffId }, quarters),
    all(store.surveys, 'ofContactLeader', { contactLeaderId: staffId }, quarters),
  ]);
  const byKey = new Map([...asManager, ...asLeader].filter((s) => s.surveyedOn >= from && s.surveyedOn <= awardedOn).map((s) => [s.id, s]));
  const list = [...byKey.values()];
  if (list.length === 0) {
    throw new RuleViolation('no-surveys', msg(M.loyalty_noSurveys, { id: staffId, from, to: awardedOn }), [fieldError('body.scores.satisfaction', msg(M.field_noSurveys))]);
  }
  const sum = list.reduce((s, x) => s + x.overall, 0);
  const mean = rational(BigInt(sum), BigInt(list.length));
  const score = roundToPlaces(mul(mean, integer(20)), 2);
  const shown = Number(toDecimal(score, 2));
  return {
    from,
    to: awardedOn,
    surveys: list.length,
    accountIds: [...new Set(list.map((s) => s.accountId))].sort(),
    meanOverall: toDecimal(mean),
    score: shown,
    explanation: `mean overall ${toDecimal(mean)} of ${list.length} survey(s) from ${from} to ${awardedOn} × 20 = ${toDecimal(score, 2)}`,
  };
};
