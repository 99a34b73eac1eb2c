import { randomUUID } from 'node:crypto';
import { mapLimited } from '#shared/concurrency.ts';
import { getTargets, listAccounts } from '#shared/db/accounts.ts';
import type { AuditContext } from '#shared/db/audit.ts';
import { listPaymentsReceivedBetween, listProjectsWonBetween } from '#shared/db/business.ts';
import * as store from '#shared/db/pay.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { allMeetingsOfType } from '#shared/db/upkeep.ts';
import type { AssessmentAccount } from '#shared/domain/pay/assessment.ts';
import { bulletinOf, sameStatement, talentSuggestions } from '#shared/domain/pay/close.ts';
import { type Period, parsePayPeriod } from '#shared/domain/pay/period.ts';
import type { PayPolicy } from '#shared/domain/pay/policy.ts';
import { nameStatement } from '#shared/domain/pay/explain.ts';
import { type Adjustment, type Statement, adjustmentsOnlyStatement, closeStatements, manualAdjustmentsOf, withAdjustments } from '#shared/domain/pay/statement.ts';
import type { TeamAccount } from '#shared/domain/pay/team.ts';
import { fieldError, HttpError, RuleViolation } from '#shared/errors.ts';
import { problemResponse, toHttpError } from '#shared/http/problem.ts';
import type { CloseSummary, PeriodState, StoredCloseRun, StoredStatement } from '#shared/schemas/pay.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { accountFacts } from '#shared/usecases/compliance.ts';
import { approvedAdjustments } from '#shared/usecases/pay-desk.ts';
import { priorPeriodAdjustments } from '#shared/usecases/prior-periods.ts';
import { type Lang, msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { recordClose } from '#shared/metrics.ts';

/** A close holds its period's lock at most this long (the function's own time limit). */
const lockSeconds = 15 * 60;

/** Key accounts per gather batch: one page of the tier index. */
export const batchSize = 200;

/** What the close knows of one key account after gathering: everything pay.md reads about it. */
export type GatheredAccount = AssessmentAccount & { name: string; keySince: string };

/**
 * A run begins: take the period's lock for it (409 when another close runs or it is
 * final), check there is a policy (422), and record the run as running. The route does
 * this before it answers 202; the plan step does it again (its own lock, its own run: no-ops).
 */
export const startClose = async (periodId: string, runId: string, startedBy: string): Promise<void> => {
  const period = parsePayPeriod(periodId);
  await store.acquirePeriodLock(period.id, runId, Date.now(), lockSeconds);
  try {
    await requirePolicy(period.year);
    await store.startCloseRun({ runId, period: period.id, status: 'running', startedAt: new Date().toISOString(), startedBy, finishedAt: null, result: null, reason: null });
  } catch (error) {
    await store.releasePeriodLock(period.id, runId);
    throw error;
  }
};

/**
 * Phase 1 — plan: start the run (lock, policy, run record) and cut the key accounts into
 * batches (one cursor each).
 */
export const planClose = async (periodId: string, runId: string, startedBy = 'schedule'): Promise<{ period: string; runId: string; batches: (string | null)[] }> => {
  const period = parsePayPeriod(periodId);
  try {
    await startClose(period.id, runId, startedBy);
  } catch (error) {
    // A run the route recorded ends failed (no run recorded: nothing to end); the lock is not this run's to release.
    await store.endCloseRun(period.id, runId, { status: 'failed', reason: reasonOf(error) }, new Date().toISOString());
    throw error;
  }
  try {
    return { period: period.id, runId, batches: (await keyAccountBatches()).map((b) => b.cursor) };
  } catch (error) {
    await failClose(period.id, runId, error);
    throw error;
  }
};

/** The problem a failed run reports, in both languages (a genuine fault as a 500 that names nothing internal). */
const reasonOf = (error: unknown) => {
  const known = toHttpError(error);
  const render = (lang: Lang) => JSON.parse(problemResponse(known, lang).body as string) as CloseRunReason['en'];
  return { en: render('en'), zh: render('zh') };
};
type CloseRunReason = NonNullable<StoredCloseRun['reason']>;

/** A run failed: it ends with the reason, and the period's lock goes at once. */
export const failClose = async (periodId: string, runId: string, error: unknown): Promise<void> => {
  await store.endCloseRun(periodId, runId, { status: 'failed', reason: reasonOf(error) }, new Date().toISOString());
  await store.releasePeriodLock(periodId, runId);
};


/** The key accounts cut into batches of one page each: the cursor that starts each (null: the first) and its size. */
export const keyAccountBatches = async (): Promise<{ cursor: string | null; accounts: number }[]> => {
  const batches: { cursor: string | null; accounts: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAccounts({ tier: 'key', limit: batchSize, cursor });
    batches.push({ cursor: cursor ?? null, accounts: page.items.length });
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return batches;
};

/** Everything the close reads about one key account in P: assignments, visits, reports, targets, credits (keyed queries). */
export const gatherAccount = async (account: { id: string; name: string; keySince: string | null }, period: Period): Promise<GatheredAccount> => {
  const [facts, targets, projects, payments] = await Promise.all([
    accountFacts(account.id, period),
    getTargets(account.id, period.year),
    listProjectsWonBetween(account.id, period.from, period.to),
    listPaymentsReceivedBetween(account.id, period.from, period.to),
  ]);
  return {
    ...facts,
    name: account.name,
    keySince: account.keySince ?? period.from,
    targets: targets?.quarters,
    projects: projects.map((p) => ({ contractAmount: p.contractAmount, wonOn: p.wonOn })),
    payments: payments.map((p) => ({ amount: p.amount, receivedOn: p.receivedOn })),
  };
};

/** Phase 2 — gather one batch of key accounts (8 accounts in flight). */
export const gatherBatch = async (periodId: string, cursor: string | null): Promise<GatheredAccount[]> => {
  const period = parsePayPeriod(periodId);
  const page = await listAccounts({ tier: 'key', limit: batchSize, cursor: cursor ?? undefined });
  const keyInPeriod = page.items.filter((a) => a.keySince !== null && a.keySince <= period.to);
  return mapLimited(keyInPeriod, 8, (account) => gatherAccount(account, period));
};

/** The year's stored policy; a close without one cannot price anything (422). */
export const requirePolicy = async (year: number): Promise<PayPolicy> => {
  const stored = await store.getPayPolicy(year);
  if (stored === undefined) throw new RuleViolation('pay-policy-missing', msg(M.pay_policyMissing, { year }));
  return stored;
};

/** A distributed close keeps each gathered batch for its finish step (gone by TTL after two days). */
export const keepGathered = (periodId: string, runId: string, accounts: readonly GatheredAccount[], now: Date) =>
  store.saveCloseWork(periodId, runId, accounts, Math.floor(now.getTime() / 1000) + 2 * 24 * 60 * 60);

/** Everything the Map's gather steps kept for this run. */
export const loadGathered = (periodId: string, runId: string) => store.loadCloseWork<GatheredAccount>(periodId, runId);

export interface CloseData {
  people: { staff: Staff; accounts: AssessmentAccount[]; peerScores: number[] }[];
  teamAccounts: TeamAccount[];
  accounts: GatheredAccount[];
  meetings: { type: string; heldOn: string; attendeeIds: string[] }[];
}

/** The people to assess — everyone who held a role on a key account in P — with their accounts, records and scores. */
export const gatherPeople = async (period: Period, accounts: readonly GatheredAccount[]): Promise<CloseData> => {
  const held = new Map<string, GatheredAccount[]>();
  for (const account of accounts) {
    const holders = new Set(account.assignments.filter((a) => a.from <= period.to && (a.to === null || a.to >= period.from)).map((a) => a.staffId));
    for (const staffId of holders) {
      const list = held.get(staffId);
      if (list === undefined) held.set(staffId, [account]);
      else list.push(account);
    }
  }
  const people = await mapLimited([...held.keys()].sort(), 8, async (staffId) => {
    const staff = await getStaffById(staffId);
    if (staff === undefined) throw new Error(`Assignment names staff ${staffId}, who has no record`);
    const scores = await store.listPeerScores(period.id, 'staff', staffId);
    return { staff, accounts: held.get(staffId) ?? [], peerScores: scores.map((s) => s.score) };
  });
  const meetings = await allMeetingsOfType('contact_leader_quarterly_review', period.from, period.to);
  return {
    people,
    accounts: [...accounts],
    meetings,
    teamAccounts: accounts.map((a) => ({ accountId: a.accountId, keyIntervals: [{ from: a.keySince, to: null }], targets: a.targets, projects: a.projects, payments: a.payments })),
  };
};

/** Every grade an assessed person has must be in the year's policy (422 naming the missing ones). */
export const assertGrades = (policy: PayPolicy, people: CloseData['people']): void => {
  const known = new Set(policy.grades.map((g) => g.grade));
  const missing = [...new Set(people.map((p) => p.staff.grade).filter((g) => !known.has(g)))].sort();
  if (missing.length > 0) {
    throw new RuleViolation('grades-missing-from-policy', msg(M.pay_gradesMissing, { grades: missing }), missing.map((g) => fieldError('policy.grades', msg(M.field_missingGrade, { grade: g }))));
  }
};

/** A period's statements and team bonus from gathered data, with the year's policy (its explanation naming accounts and people). */
const priceGathered = async (period: Period, accounts: readonly GatheredAccount[]) => {
  const policy = await requirePolicy(period.year);
  const data = await gatherPeople(period, accounts);
  assertGrades(policy, data.people);
  const { team, statements } = closeStatements({
    period,
    policy,
    people: data.people.map((p) => ({ staffId: p.staff.id, grade: p.staff.grade, peerScores: p.peerScores, accounts: p.accounts })),
    teamAccounts: data.teamAccounts,
    meetings: data.meetings,
  });
  const names = new Map<string, string>([...accounts.map((a) => [a.accountId, a.name] as const), ...data.people.map((p) => [p.staff.id, p.staff.name] as const)]);
  return { data, team: { ...team, explanation: nameStatement({ explanation: team.explanation }, names).explanation }, statements: statements.map((s) => nameStatement(s, names)), names };
};

/** A finalised period priced again on today's data (the real gather, every batch), for its late records. */
const priceAgain = async (period: Period): Promise<Statement[]> => {
  let accounts: GatheredAccount[] = [];
  for (const batch of await keyAccountBatches()) accounts = accounts.concat(await gatherBatch(period.id, batch.cursor));
  return (await priceGathered(period, accounts)).statements;
};

/** Each person's statement with the prior-period adjustments they are owed; someone owed one but not assessed gets a statement of adjustments only. */
const withPriorPeriods = async (period: Period, statements: readonly Statement[], byStaff: ReadonlyMap<string, Statement['adjustments']>): Promise<Statement[]> => {
  const assessed = statements.map((s) => withAdjustments(s, byStaff.get(s.staffId) ?? []));
  const others = await Promise.all(
    [...byStaff.keys()].filter((id) => !statements.some((s) => s.staffId === id)).sort().map(async (staffId) => {
      const staff = await getStaffById(staffId);
      return adjustmentsOnlyStatement(staffId, staff?.grade ?? '', period, byStaff.get(staffId) ?? []);
    }),
  );
  return [...assessed, ...others];
};

/**
 * Phase 3 — finish: compute every statement and the team bonus from the gathered
 * accounts, add the prior-period adjustments of late records, keep them (same data → same
 * statements, no new version; changed data → a new version, the old one kept), write the
 * bulletin and talent-pool suggestions, and release the lock.
 */
export const finishClose = async (periodId: string, runId: string, accounts: readonly GatheredAccount[], audit: AuditContext) => {
  const period = parsePayPeriod(periodId);
  try {
    const result = await finishRun(period, runId, accounts, audit);
    await store.endCloseRun(period.id, runId, { status: 'done', result: summaryOf(result) }, new Date().toISOString());
    return result;
  } catch (error) {
    await store.endCloseRun(period.id, runId, { status: 'failed', reason: reasonOf(error) }, new Date().toISOString());
    throw error;
  } finally {
    await store.releasePeriodLock(period.id, runId);
  }
};

/** What the run keeps of a close's result: everything but its page of statements. */
const summaryOf = ({ statements: _s, nextCursor: _n, ...summary }: Awaited<ReturnType<typeof finishRun>>): CloseSummary => summary;

const finishRun = async (period: Period, runId: string, accounts: readonly GatheredAccount[], audit: AuditContext) => {
  // What the writes compare with is read while the statements are computed (the lock keeps it as it is).
  const earlier = Promise.all([store.listStatements(period.id), store.getPeriodState(period.id)]);
  earlier.catch(() => undefined);
  // Records made after the close began are late for it: the next close picks them up.
  const since = await store.lockedSince(period.id, runId);
  const startedAt = since === undefined ? audit.at : new Date(since).toISOString();
  const priced = await priceGathered(period, accounts);
  const { data, team } = priced;
  const prior = await priorPeriodAdjustments(period, priceAgain);
  // Approved manual adjustments join the prior-period ones (total, bulletin and CSV include them).
  const approved = await approvedAdjustments(period.id);
  const byStaff = new Map<string, Adjustment[]>(prior.byStaff);
  for (const staffId of new Set(approved.map((a) => a.staffId))) byStaff.set(staffId, [...(byStaff.get(staffId) ?? []), ...manualAdjustmentsOf(approved, staffId)]);
  const statements = await withPriorPeriods(period, priced.statements, byStaff);
  const [currentList, before] = await earlier;
  const current = new Map(currentList.map((s) => [s.staffId, s]));
  const changed: StoredStatement[] = statements
    .filter((s) => {
      const before = current.get(s.staffId);
      return before === undefined || !sameStatement(before, s);
    })
    .map((s) => ({ ...s, version: (current.get(s.staffId)?.version ?? 0) + 1, status: 'draft', closedAt: audit.at }));
  const state: PeriodState = {
    period: period.id,
    status: 'draft',
    // The state item may hold only the lock of this first close: no version yet, so this is version 1.
    version: (before?.version ?? 0) + (changed.length > 0 || before?.version === undefined ? 1 : 0),
    closedAt: audit.at,
    finalizedAt: null,
    finalizedBy: null,
    closeStartedAt: startedAt,
    repricedPeriods: prior.repriced,
  };
  const names = new Map(data.people.map((p) => [p.staff.id, p.staff]));
  // The statements, the bulletin and the talent-pool suggestions are written side by side;
  // the period's state, which names the new version, only once they are all kept.
  await Promise.all([
    store.saveStatements(changed),
    store.saveBulletin(bulletinOf(period, state.version, data.accounts, statements, team, names)),
    period.kind === 'year' ? store.saveTalentSuggestions(talentSuggestions(period, statements, names)) : Promise.resolve(),
  ]);
  await store.savePeriodState(state);
  // The reply carries the first page of statements; GET …/statements pages through the rest.
  const first = await store.listStatementsPage(period.id, 200);
  recordClose(period.kind, Date.now() - Date.parse(startedAt), changed.length);
  return { ...state, changed: changed.length, statementCount: statements.length, statements: first.items, nextCursor: first.nextCursor };
};

/**
 * A failed distributed close lets go of its period at once rather than when the lock
 * expires; its run ends failed (a step that recorded its own reason keeps it).
 */
export const abortClose = (periodId: string, runId: string) =>
  failClose(periodId, runId, new HttpError(500, 'internal-error', msg(M.pay_closeStepFailed, { period: periodId })));

/**
 * The period close (pay.md) in one process: plan, gather every batch, finish. The API and
 * local mode run this; the schedules run the same three phases as a Step Functions
 * workflow whose Map fans the batches out (infra/stateless-stack.ts), for organisations
 * larger than one invocation reads in its time limit.
 */
export const closePeriod = async (periodId: string, audit: AuditContext, runId: string = randomUUID()) => {
  const plan = await planClose(periodId, runId, audit.actorId);
  let accounts: GatheredAccount[] = [];
  try {
    for (const cursor of plan.batches) accounts = accounts.concat(await gatherBatch(plan.period, cursor));
  } catch (error) {
    await failClose(plan.period, plan.runId, error);
    throw error;
  }
  return finishClose(plan.period, plan.runId, accounts, audit);
};

