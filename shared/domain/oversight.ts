import { holdsAccount } from '#shared/domain/accounts.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Conflict, type FieldError, fieldError, NotFound, RuleViolation } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { FollowUp, MajorMatter, MajorMatterInput, SpotCheck, SpotCheckInput } from '#shared/schemas/oversight.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { msg, type ProblemSlug } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/** The coordination group runs the oversight (domain.md §1); leadership reads everything. */
const overseers: readonly Role[] = ['coordinator', 'leadership'];

export const oversees = (caller: Caller): boolean => hasAnyRole(caller, overseers);

/** A rule broken by one field; several are reported together in one 422, named by the first. */
export interface Problem {
  rule: ProblemSlug;
  error: FieldError;
}

export const assertNoProblems = (problems: readonly Problem[]): void => {
  const first = problems[0];
  if (first === undefined) return;
  throw new RuleViolation(first.rule, msg(M.rule_fields, { errors: problems.map((p) => p.error) }), problems.map((p) => p.error));
};

const notAfterToday = (day: string, today: string, path: string): Problem[] =>
  day > today ? [{ rule: 'date-in-future' as const, error: fieldError(path, msg(M.field_notAfterToday, { today })) }] : [];

/* ---------- Spot checks (domain.md §3.1 "Tracking") ---------- */

/**
 * Who reads a key account's spot checks: the coordination group, leadership and the
 * account's current contact leader and sales manager. To anyone else they do not exist.
 */
export const mayReadSpotChecksOf = (caller: Caller, account: Account | undefined): boolean =>
  oversees(caller) || (account !== undefined && holdsAccount(caller, account));

/** One spot check: those above, and the owner of any of its follow-ups (they have work to do on it). */
export const mayReadSpotCheck = (caller: Caller, check: SpotCheck, account: Account | undefined): boolean =>
  mayReadSpotChecksOf(caller, account) || check.followUps.some((f) => f.ownerId === caller.id);

/** A follow-up is closed by its owner or by a coordinator (who accepts finished work). */
export const mayCompleteFollowUp = (caller: Caller, followUp: FollowUp): boolean =>
  caller.id === followUp.ownerId || hasAnyRole(caller, ['coordinator']);

/**
 * What is wrong with a spot check before it is recorded: a check day after today, a
 * follow-up due before the check, or a follow-up owner who is unknown or has left.
 * `owners` holds the staff record of every named owner (undefined when there is none).
 */
export const spotCheckProblems = (input: SpotCheckInput, today: string, owners: ReadonlyMap<string, Staff | undefined>): Problem[] => [
  ...notAfterToday(input.checkedOn, today, 'body.checkedOn'),
  ...(input.followUps ?? []).flatMap((followUp, i): Problem[] => {
    const owner = owners.get(followUp.ownerId);
    const path = `body.followUps.${i}`;
    return [
      ...(followUp.dueOn < input.checkedOn
        ? [{ rule: 'follow-up-due-before-check' as const, error: fieldError(`${path}.dueOn`, msg(M.field_onOrAfterCheckedOn, { day: input.checkedOn })) }]
        : []),
      ...(owner === undefined
        ? [{ rule: 'follow-up-owner-not-active' as const, error: fieldError(`${path}.ownerId`, msg(M.field_noSuchStaff)) }]
        : owner.status === 'departed'
          ? [{ rule: 'follow-up-owner-not-active' as const, error: fieldError(`${path}.ownerId`, msg(M.field_leftOn, { leftOn: owner.leftOn })) }]
          : []),
    ];
  }),
];

export const newSpotCheck = (
  id: string,
  accountId: string,
  input: SpotCheckInput,
  checkedBy: string,
  /** Makes each follow-up's id (the use case passes `ulid`). */
  newId: () => string,
): SpotCheck => ({
  id,
  accountId,
  checkedBy,
  checkedOn: input.checkedOn,
  scope: input.scope,
  findings: input.findings,
  rating: input.rating,
  followUps: (input.followUps ?? []).map((f) => ({
    id: newId(),
    action: f.action,
    ownerId: f.ownerId,
    dueOn: f.dueOn,
    done: false,
    doneOn: null,
  })),
  version: 1,
});

export const noFollowUp = (check: Pick<SpotCheck, 'id'>, followUpId: string) => new NotFound(msg(M.oversight_followUpNotFound, { followUpId, checkId: check.id }));

export const followUpAlreadyDone = (check: SpotCheck, followUp: FollowUp) =>
  new Conflict(msg(M.oversight_followUpDone, { followUpId: followUp.id, checkId: check.id, doneOn: followUp.doneOn }), 'follow-up-already-done');

/** Marks one follow-up done on `doneOn` (not before the check, not after today); 409 if it already is. */
export const completeFollowUp = (check: SpotCheck, followUpId: string, doneOn: string, today: string): SpotCheck => {
  const followUp = check.followUps.find((f) => f.id === followUpId);
  if (followUp === undefined) throw noFollowUp(check, followUpId);
  if (followUp.done) throw followUpAlreadyDone(check, followUp);
  assertNoProblems([
    ...(doneOn < check.checkedOn
      ? [{ rule: 'done-before-check' as const, error: fieldError('body.doneOn', msg(M.field_onOrAfterCheckDay, { day: check.checkedOn })) }]
      : []),
    ...notAfterToday(doneOn, today, 'body.doneOn'),
  ]);
  return {
    ...check,
    followUps: check.followUps.map((f) => (f.id === followUpId ? { ...f, done: true, doneOn } : f)),
    version: check.version + 1,
  };
};

/* ---------- Major-matter reports (domain.md §3.2) ---------- */

/**
 * Who reads a major-matter report: its reporter, the coordination group, leadership and
 * the account's current contact leader and sales manager. Anyone else is told it does not
 * exist (404).
 */
export const mayReadMajorMatter = (caller: Caller, matter: MajorMatter, account: Account | undefined): boolean =>
  oversees(caller) || caller.id === matter.reportedBy || (account !== undefined && holdsAccount(caller, account));

/**
 * Which of one account's reports a caller lists: all of them for the coordination group,
 * leadership and the account's current holders; the caller's own for anyone else — the
 * same rule as the single read.
 */
export const accountMatterScope = (caller: Caller, account: Account): 'all' | 'own' =>
  oversees(caller) || holdsAccount(caller, account) ? 'all' : 'own';

/** A new report, filed by the caller for their department; it must be about a key account and about the past. */
export const newMajorMatter = (id: string, account: Account, input: MajorMatterInput, reporter: Caller, reportedAt: string, today: string): MajorMatter => {
  if (account.tier !== 'key') {
    throw new RuleViolation('account-not-key', msg(M.account_notKeyForMatter, { id: account.id }));
  }
  assertNoProblems(notAfterToday(input.occurredOn, today, 'body.occurredOn'));
  return {
    id,
    accountId: account.id,
    reportedBy: reporter.id,
    reportedByDepartment: reporter.department,
    reportedAt,
    occurredOn: input.occurredOn,
    category: input.category,
    summary: input.summary,
    details: input.details ?? null,
    status: 'unacknowledged',
    acknowledgedBy: null,
    acknowledgedAt: null,
    response: null,
    version: 1,
  };
};

export const alreadyAcknowledged = (matter: Pick<MajorMatter, 'id'>) =>
  new Conflict(msg(M.oversight_matterAcknowledged, { id: matter.id }), 'matter-already-acknowledged');

/** The coordination group acknowledges a report once, with its response. */
export const acknowledge = (matter: MajorMatter, response: string, by: string, at: string): MajorMatter => {
  if (matter.status !== 'unacknowledged') throw alreadyAcknowledged(matter);
  return { ...matter, status: 'acknowledged', acknowledgedBy: by, acknowledgedAt: at, response, version: matter.version + 1 };
};
