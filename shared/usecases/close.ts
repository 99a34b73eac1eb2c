import { randomUUID } from 'node:crypto';
import { limiter, mapLimited } from '#shared/concurrency.ts';
import { getTargets, listAccounts } from '#shared/db/accounts.ts';
import type { AuditContext } from '#shared/db/audit.ts';
import { listPaymentsReceivedBetween, listProjectsWonBetween } from '#shared/db/business.ts';
import * as store from '#shared/db/pay.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { allMeetingsOfType } from '#shared/db/upkeep.ts';
import type { AccountRole } from '#shared/domain/assignments.ts';
import { type AssessmentAccount, type RolePartial, addAccountPart, assessmentAccountPart, emptyRolePartial, mergeRolePartials } from '#shared/domain/pay/assessment.ts';
import type { ComplianceSums } from '#shared/domain/pay/compliance.ts';
import { bulletinOf, statementDigest, talentSuggestions } from '#shared/domain/pay/close.ts';
import { type Period, parsePayPeriod } from '#shared/domain/pay/period.ts';
import type { PayPolicy } from '#shared/domain/pay/policy.ts';
import { nameStatement } from '#shared/domain/pay/explain.ts';
import { type Rational, rational } from '#shared/domain/pay/rational.ts';
import { type Adjustment, type Statement, adjustmentsOnlyStatement, closeFromPartials, manualAdjustmentsOf, withAdjustments } from '#shared/domain/pay/statement.ts';
import { type TeamTotals, addTeamAccount, mergeTeamTotals, noTeamTotals } from '#shared/domain/pay/team.ts';
import { fieldError, HttpError, RuleViolation } from '#shared/errors.ts';
import { problemResponse, toHttpError } from '#shared/http/problem.ts';
import type { PeriodState, StoredCloseRun, StoredStatement } from '#shared/schemas/pay.ts';
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

/** Everyone who held one of an account's roles on some day of P: the people the close assesses (pay.md step 1). */
const holdersOf = (account: GatheredAccount, period: Period): Set<string> =>
  new Set(account.assignments.filter((a) => a.from <= period.to && (a.to === null || a.to >= period.from)).map((a) => a.staffId));

/** Phase 2, its reads: one page of key accounts and everything about each key in P (8 accounts in flight). */
export const readBatch = async (period: Period, cursor: string | null): Promise<{ first: { name: string; id: string } | null; accounts: GatheredAccount[] }> => {
  const page = await listAccounts({ tier: 'key', limit: batchSize, cursor: cursor ?? undefined });
  const keyInPeriod = page.items.filter((a) => a.keySince !== null && a.keySince <= period.to);
  const first = page.items[0];
  return { first: first === undefined ? null : { name: first.name, id: first.id }, accounts: await mapLimited(keyInPeriod, 8, (account) => gatherAccount(account, period)) };
};

/** One person's partials over some accounts: one per role they held there (pay.md: one assessment per role). */
export type PersonPartials = Partial<Record<AccountRole, RolePartial>>;

/**
 * What the close keeps of its key accounts: per person who held one in P their partial sums
 * (with the rows and lines of their statement's explanation), the team's totals, and each
 * account's name. It grows with the people, not with the accounts' records.
 */
export interface Gathered {
  people: Map<string, PersonPartials>;
  team: TeamTotals;
  names: Map<string, string>;
}

export const emptyGathered = (): Gathered => ({ people: new Map(), team: noTeamTotals(), names: new Map() });

/** A batch of gathered accounts, in their order, reduced to partial sums (pure). */
export const summarise = (accounts: readonly GatheredAccount[], period: Period, policy: PayPolicy): Gathered => {
  const out = emptyGathered();
  for (const account of accounts) {
    out.names.set(account.accountId, account.name);
    addTeamAccount(out.team, { accountId: account.accountId, keyIntervals: [{ from: account.keySince, to: null }], targets: account.targets, projects: account.projects, payments: account.payments }, period);
    for (const staffId of holdersOf(account, period)) {
      const person = out.people.get(staffId) ?? {};
      out.people.set(staffId, person);
      for (const role of roles) {
        const part = assessmentAccountPart(account, staffId, role, period, policy);
        if (part === undefined) continue;
        const partial = person[role] ?? emptyRolePartial(staffId, role);
        person[role] = partial;
        addAccountPart(partial, part);
      }
    }
  }
  return out;
};

const roles = ['contact_leader', 'sales_manager'] as const;

/** `later`'s accounts after `into`'s (in place on `into`): batches merge in the order the tier index lists them. */
export const mergeGathered = (into: Gathered, later: Gathered): void => {
  for (const [id, name] of later.names) into.names.set(id, name);
  mergeTeamTotals(into.team, later.team);
  for (const [staffId, theirs] of later.people) {
    const mine = into.people.get(staffId);
    if (mine === undefined) {
      into.people.set(staffId, theirs);
      continue;
    }
    for (const role of roles) {
      const partial = theirs[role];
      if (partial === undefined) continue;
      const held = mine[role];
      if (held === undefined) mine[role] = partial;
      else mergeRolePartials(held, partial);
    }
  }
};

/** Phase 2 — gather one batch of key accounts into partial sums (the policy read unless given). */
export const gatherBatch = async (periodId: string, cursor: string | null, given?: PayPolicy): Promise<{ first: { name: string; id: string } | null; accounts: number; gathered: Gathered }> => {
  const period = parsePayPeriod(periodId);
  const [policy, batch] = await Promise.all([given ?? requirePolicy(period.year), readBatch(period, cursor)]);
  return { first: batch.first, accounts: batch.accounts.length, gathered: summarise(batch.accounts, period, policy) };
};

/** The year's stored policy; a close without one cannot price anything (422). */
export const requirePolicy = async (year: number): Promise<PayPolicy> => {
  const stored = await store.getPayPolicy(year);
  if (stored === undefined) throw new RuleViolation('pay-policy-missing', msg(M.pay_policyMissing, { year }));
  return stored;
};

// ---- a distributed close keeps each batch's partials for its finish step (bigints and fractions as text)

type StoredPartial = Omit<RolePartial, 'compliance' | 'contractTarget' | 'collectionTarget' | 'contractCredit' | 'collectionCredit'> & {
  compliance: Record<keyof ComplianceSums, string>;
  contractTarget: string;
  collectionTarget: string;
  contractCredit: string;
  collectionCredit: string;
};
type StoredTeam = Record<keyof TeamTotals, string> & { names: [string, string][] };

const fraction = (r: Rational) => `${r.n}/${r.d}`;
const unfraction = (text: string): Rational => {
  const [n, d] = text.split('/');
  return rational(BigInt(n ?? '0'), BigInt(d ?? '1'));
};
const storePartial = (p: RolePartial): StoredPartial => ({
  ...p,
  compliance: Object.fromEntries(Object.entries(p.compliance).map(([k, v]) => [k, String(v)])) as StoredPartial['compliance'],
  contractTarget: fraction(p.contractTarget),
  collectionTarget: fraction(p.collectionTarget),
  contractCredit: String(p.contractCredit),
  collectionCredit: String(p.collectionCredit),
});
const loadPartial = (p: StoredPartial): RolePartial => ({
  ...p,
  compliance: {
    accounts: Number(p.compliance.accounts),
    visitsRequired: BigInt(p.compliance.visitsRequired), visitsDone: BigInt(p.compliance.visitsDone), visitsCounted: BigInt(p.compliance.visitsCounted),
    reportsRequired: BigInt(p.compliance.reportsRequired), reportsDone: BigInt(p.compliance.reportsDone), reportsCounted: BigInt(p.compliance.reportsCounted),
  },
  contractTarget: unfraction(p.contractTarget),
  collectionTarget: unfraction(p.collectionTarget),
  contractCredit: BigInt(p.contractCredit),
  collectionCredit: BigInt(p.collectionCredit),
});

/** A distributed close keeps each gathered batch for its finish step: an item per person and one for the team (gone by TTL after two days). */
export const keepGathered = (periodId: string, runId: string, batch: Awaited<ReturnType<typeof gatherBatch>>, now: Date) => {
  if (batch.first === null) return Promise.resolve();
  const { first, gathered } = batch;
  // The tier index orders accounts by name, then id: the finish puts the batches back in that order.
  const common = { batch: first.id, order: `${first.name}#${first.id}` };
  const team: StoredTeam = { ...(Object.fromEntries(Object.entries(gathered.team).map(([k, v]) => [k, typeof v === 'object' ? fraction(v) : String(v)])) as Record<keyof TeamTotals, string>), names: [...gathered.names] };
  const parts = [
    { ...common, part: 'TEAM', work: team },
    ...[...gathered.people].map(([staffId, person]) => ({ ...common, part: `PERSON#${staffId}`, work: { staffId, roles: roles.flatMap((r) => (person[r] === undefined ? [] : [storePartial(person[r])])) } })),
  ];
  return store.saveCloseWork(periodId, runId, parts, Math.floor(now.getTime() / 1000) + 2 * 24 * 60 * 60);
};

/** Everything the Map's gather steps kept for this run, merged batch after batch in the tier index's order. */
export const loadGathered = async (periodId: string, runId: string): Promise<Gathered> => {
  const byBatch = new Map<string, { order: string; parts: store.CloseWorkPart[] }>();
  for (const part of await store.loadCloseWork(periodId, runId)) {
    const batch = byBatch.get(part.batch) ?? { order: part.order, parts: [] };
    byBatch.set(part.batch, batch);
    batch.parts.push(part);
  }
  // DynamoDB orders the index by the UTF-8 bytes of its keys: so does Buffer.compare.
  const batches = [...byBatch.values()].sort((a, b) => Buffer.compare(Buffer.from(a.order), Buffer.from(b.order)));
  const all = emptyGathered();
  for (const batch of batches) {
    const one = emptyGathered();
    for (const { part, work } of batch.parts) {
      if (part === 'TEAM') {
        const t = work as StoredTeam;
        Object.assign(one.team, { accounts: Number(t.accounts), contractTarget: unfraction(t.contractTarget), collectionTarget: unfraction(t.collectionTarget), contractCredit: BigInt(t.contractCredit), collectionCredit: BigInt(t.collectionCredit) });
        for (const [id, name] of t.names) one.names.set(id, name);
      } else {
        const p = work as { staffId: string; roles: StoredPartial[] };
        one.people.set(p.staffId, Object.fromEntries(p.roles.map((r) => [r.role, loadPartial(r)])));
      }
    }
    mergeGathered(all, one);
  }
  return all;
};

/** What the close reads about each person it assesses, and P's quarterly reviews. */
export interface PeopleRecords {
  people: { staff: Staff; peerScores: number[] }[];
  meetings: { type: string; heldOn: string; attendeeIds: string[] }[];
}

/**
 * Each person's record and the scores they received, read once each (8 in flight) as soon
 * as the gather meets them, so these reads overlap the accounts' own; then P's reviews.
 */
export const peopleReader = (period: Period) => {
  const gate = limiter(8);
  const reads = new Map<string, Promise<{ staff: Staff; peerScores: number[] }>>();
  const meetings = allMeetingsOfType('contact_leader_quarterly_review', period.from, period.to);
  meetings.catch(() => undefined);
  return {
    meet: (staffId: string) => {
      if (reads.has(staffId)) return;
      const read = gate(async () => {
        const [staff, scores] = await Promise.all([getStaffById(staffId), store.listPeerScores(period.id, 'staff', staffId)]);
        if (staff === undefined) throw new Error(`Assignment names staff ${staffId}, who has no record`);
        return { staff, peerScores: scores.map((s) => s.score) };
      });
      read.catch(() => undefined);
      reads.set(staffId, read);
    },
    /** Everyone met, by staff id. */
    done: async (): Promise<PeopleRecords> => {
      const ids = [...reads.keys()].sort();
      const people = [];
      for (const id of ids) people.push(await (reads.get(id) as Promise<{ staff: Staff; peerScores: number[] }>));
      return { people, meetings: await meetings };
    },
  };
};

/** The people's records for these staff ids (the distributed finish: its gather steps read only accounts). */
export const readPeople = (period: Period, staffIds: Iterable<string>): Promise<PeopleRecords> => {
  const reader = peopleReader(period);
  for (const id of staffIds) reader.meet(id);
  return reader.done();
};

/**
 * The whole gather in one process: batch after batch, each person's reads started as the
 * gather meets them. `take` gets each batch's accounts in the tier index's order (the close
 * sums them; the benchmark's read-only pass only counts them).
 */
export const gatherAll = async (period: Period, cursors: readonly (string | null)[], take: (accounts: GatheredAccount[]) => void): Promise<PeopleRecords> => {
  const reader = peopleReader(period);
  for (const cursor of cursors) {
    const { accounts } = await readBatch(period, cursor);
    for (const account of accounts) for (const staffId of holdersOf(account, period)) reader.meet(staffId);
    take(accounts);
  }
  return reader.done();
};

/** Every grade an assessed person has must be in the year's policy (422 naming the missing ones). */
export const assertGrades = (policy: PayPolicy, people: PeopleRecords['people']): void => {
  const known = new Set(policy.grades.map((g) => g.grade));
  const missing = [...new Set(people.map((p) => p.staff.grade).filter((g) => !known.has(g)))].sort();
  if (missing.length > 0) {
    throw new RuleViolation('grades-missing-from-policy', msg(M.pay_gradesMissing, { grades: missing }), missing.map((g) => fieldError('policy.grades', msg(M.field_missingGrade, { grade: g }))));
  }
};

/** A period's statements and team bonus from the partial sums, with the year's policy (its explanation naming accounts and people). */
const priceGathered = async (period: Period, gathered: Gathered, records?: Promise<PeopleRecords>, given?: PayPolicy) => {
  const policy = given ?? (await requirePolicy(period.year));
  const data = await (records ?? readPeople(period, gathered.people.keys()));
  assertGrades(policy, data.people);
  const { team, statements } = closeFromPartials({
    period,
    policy,
    people: data.people.map((p) => {
      const partials = gathered.people.get(p.staff.id) ?? {};
      return { staffId: p.staff.id, grade: p.staff.grade, peerScores: p.peerScores, roles: roles.flatMap((r) => (partials[r] === undefined ? [] : [partials[r]])) };
    }),
    team: gathered.team,
    meetings: data.meetings,
  });
  const names = new Map<string, string>([...gathered.names, ...data.people.map((p) => [p.staff.id, p.staff.name] as const)]);
  return { data, team: { ...team, explanation: nameStatement({ explanation: team.explanation }, names).explanation }, statements: statements.map((s) => nameStatement(s, names)), names };
};

/** The whole gather of P in one process, as partial sums (with the people's reads overlapping it). */
const gatherInProcess = async (period: Period, cursors: readonly (string | null)[]) => {
  const policy = await requirePolicy(period.year);
  const gathered = emptyGathered();
  const records = gatherAll(period, cursors, (accounts) => mergeGathered(gathered, summarise(accounts, period, policy)));
  await records;
  return { gathered, records, policy };
};

/** A finalised period priced again on today's data (the real gather, every batch), for its late records. */
const priceAgain = async (period: Period): Promise<Statement[]> => {
  const { gathered, records, policy } = await gatherInProcess(period, (await keyAccountBatches()).map((b) => b.cursor));
  return (await priceGathered(period, gathered, records, policy)).statements;
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
 * Phase 3 — finish: compute every statement and the team bonus from the gathered partial
 * sums, add the prior-period adjustments of late records, keep them (same data → same
 * statements, no new version; changed data → a new version, the old one kept), write the
 * bulletin and talent-pool suggestions, and release the lock. `records` are the people's
 * reads when the gather already made them (in one process); else the finish reads them.
 * `gathered` is used up: its people's partial sums are let go once they are priced.
 */
export const finishClose = async (periodId: string, runId: string, gathered: Gathered, audit: AuditContext, records?: Promise<PeopleRecords>, policy?: PayPolicy) => {
  const period = parsePayPeriod(periodId);
  try {
    const result = await finishRun(period, runId, gathered, audit, records, policy);
    await store.endCloseRun(period.id, runId, { status: 'done', result }, new Date().toISOString());
    return result;
  } catch (error) {
    await store.endCloseRun(period.id, runId, { status: 'failed', reason: reasonOf(error) }, new Date().toISOString());
    throw error;
  } finally {
    await store.releasePeriodLock(period.id, runId);
  }
};


/** Started now, awaited later: its failure is seen where it is awaited. */
const early = <T>(work: Promise<T>): Promise<T> => {
  work.catch(() => undefined);
  return work;
};

const finishRun = async (period: Period, runId: string, gathered: Gathered, audit: AuditContext, records?: Promise<PeopleRecords>, policy?: PayPolicy) => {
  // What the writes compare with, and the late records' and the desk's adjustments, are read
  // while the statements are computed (the lock keeps them as they are).
  // A re-run compares digests its last close kept; otherwise (a first close, or one after a
  // run that did not finish) the statements themselves.
  const earlier = early((async () => {
    const before = await store.getPeriodState(period.id);
    const kept = await store.listStatementDigests(period.id, before?.closedAt);
    const digests = kept ?? (await store.listStatements(period.id)).map((s) => ({ staffId: s.staffId, version: s.version, digest: statementDigest(s) }));
    return [digests, before] as const;
  })());
  const prior = early(priorPeriodAdjustments(period, priceAgain));
  // Approved manual adjustments join the prior-period ones (total, bulletin and CSV include them).
  const approved = early(approvedAdjustments(period.id));
  // Records made after the close began are late for it: the next close picks them up.
  const since = await store.lockedSince(period.id, runId);
  const startedAt = since === undefined ? audit.at : new Date(since).toISOString();
  const { data, team, statements: assessed } = await priceGathered(period, gathered, records, policy);
  // Each person's partial sums (their rows and lines per account) are in the statements now:
  // let them go before the writes, so the close holds one copy of them, not two.
  gathered.people.clear();
  const byStaff = new Map<string, Adjustment[]>((await prior).byStaff);
  const desk = await approved;
  for (const staffId of new Set(desk.map((a) => a.staffId))) byStaff.set(staffId, [...(byStaff.get(staffId) ?? []), ...manualAdjustmentsOf(desk, staffId)]);
  const statements = await withPriorPeriods(period, assessed, byStaff);
  const [currentDigests, before] = await earlier;
  const current = new Map(currentDigests.map((d) => [d.staffId, d]));
  const changed: StoredStatement[] = [];
  for (const s of statements) {
    const kept = current.get(s.staffId);
    const digest = statementDigest(s);
    if (kept !== undefined && kept.digest === digest) continue;
    const version = (kept?.version ?? 0) + 1;
    changed.push({ ...s, version, status: 'draft', closedAt: audit.at });
    current.set(s.staffId, { staffId: s.staffId, version, digest });
  }
  const state: PeriodState = {
    period: period.id,
    status: 'draft',
    // The state item may hold only the lock of this first close: no version yet, so this is version 1.
    version: (before?.version ?? 0) + (changed.length > 0 || before?.version === undefined ? 1 : 0),
    closedAt: audit.at,
    finalizedAt: null,
    finalizedBy: null,
    closeStartedAt: startedAt,
    repricedPeriods: (await prior).repriced,
  };
  const names = new Map(data.people.map((p) => [p.staff.id, p.staff]));
  const accounts = [...gathered.names].map(([accountId, name]) => ({ accountId, name }));
  // The statements, the bulletin and the talent-pool suggestions are written side by side;
  // the period's state, which names the new version, only once they are all kept.
  await Promise.all([
    store.saveStatements(changed),
    // Everyone's, not only this run's: a statement this run did not compute stays current.
    store.saveStatementDigests(period.id, audit.at, [...current.values()]),
    store.saveBulletin(bulletinOf(period, state.version, accounts, statements, team, names)),
    period.kind === 'year' ? store.saveTalentSuggestions(talentSuggestions(period, statements, names)) : Promise.resolve(),
  ]);
  await store.savePeriodState(state);
  recordClose(period.kind, Date.now() - Date.parse(startedAt), changed.length);
  // The run's status resource reads the first page of statements when it is asked for (close-run-view.ts).
  return { ...state, changed: changed.length, statementCount: statements.length };
};

/**
 * A failed distributed close lets go of its period at once rather than when the lock
 * expires; its run ends failed (a step that recorded its own reason keeps it).
 */
export const abortClose = (periodId: string, runId: string) =>
  failClose(periodId, runId, new HttpError(500, 'internal-error', msg(M.pay_closeStepFailed, { period: periodId })));

/**
 * The period close (pay.md) in one process: plan, gather every batch into per-person
 * partial sums, finish. The API and local mode run this; the schedules run the same three
 * phases as a Step Functions workflow whose Map fans the batches out
 * (infra/stateless-stack.ts), for organisations larger than one invocation reads in its time limit.
 */
export const closePeriod = async (periodId: string, audit: AuditContext, runId: string = randomUUID()) => {
  const plan = await planClose(periodId, runId, audit.actorId);
  let gathered: Awaited<ReturnType<typeof gatherInProcess>>;
  try {
    gathered = await gatherInProcess(parsePayPeriod(plan.period), plan.batches);
  } catch (error) {
    await failClose(plan.period, plan.runId, error);
    throw error;
  }
  return finishClose(plan.period, plan.runId, gathered.gathered, audit, gathered.records, gathered.policy);
};
