import { addDays } from '#shared/domain/dates.ts';
import { fieldError, RuleViolation } from '#shared/errors.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export type AccountRole = 'contact_leader' | 'sales_manager';
export type AssignmentReason = 'designation' | 'unfit' | 'customer_request' | 'departure' | 'other';

/** One person holding one role on one account; `from` and `to` are both inclusive, `to` null while current. */
export interface Assignment {
  role: AccountRole;
  staffId: string;
  from: string;
  to: string | null;
  reason: AssignmentReason;
}

/** Who held `role` on day `day`, from a role's history (any order). */
export const holderOn = (history: readonly Assignment[], role: AccountRole, day: string): string | undefined =>
  history.find((a) => a.role === role && a.from <= day && (a.to === null || day <= a.to))?.staffId;

/** The interval of `role` that is still open, if any. */
export const currentAssignment = (history: readonly Assignment[], role: AccountRole): Assignment | undefined =>
  history.find((a) => a.role === role && a.to === null);

/**
 * A reassignment effective on day D ends the current interval on D − 1 and opens one on D
 * (api.md), so the history of a role never has a gap or an overlap.
 */
export const reassign = (
  current: Assignment,
  staffId: string,
  effectiveOn: string,
  reason: AssignmentReason,
): { closed: Assignment; opened: Assignment } => {
  if (effectiveOn <= current.from) {
    throw new RuleViolation('reassignment-before-current', msg(M.assignment_beforeCurrent, { role: current.role, from: current.from }), [
      fieldError('body.effectiveOn', msg(M.field_after, { day: current.from })),
    ]);
  }
  if (staffId === current.staffId) {
    throw new RuleViolation('reassignment-to-same-person', msg(M.assignment_samePerson, { staffId }), [
      fieldError('body.staffId', msg(M.field_alreadyHoldsRole)),
    ]);
  }
  return {
    closed: { ...current, to: addDays(effectiveOn, -1) },
    opened: { role: current.role, staffId, from: effectiveOn, to: null, reason },
  };
};

/** Problems in a history: per role, intervals must follow one another day by day. */
export const historyProblems = (history: readonly Assignment[]): string[] => {
  const problems: string[] = [];
  for (const role of ['contact_leader', 'sales_manager'] as const) {
    const intervals = history.filter((a) => a.role === role).sort((a, b) => a.from.localeCompare(b.from));
    intervals.forEach((a, i) => {
      if (a.to !== null && a.to < a.from) problems.push(`${role}: ${a.from}..${a.to} ends before it starts`);
      const next = intervals[i + 1];
      if (next === undefined) return;
      if (a.to === null) problems.push(`${role}: ${a.from}.. is open but ${next.from} follows`);
      else if (addDays(a.to, 1) < next.from) problems.push(`${role}: gap between ${a.to} and ${next.from}`);
      else if (addDays(a.to, 1) > next.from) problems.push(`${role}: ${a.from}..${a.to} overlaps ${next.from}`);
    });
  }
  return problems;
};
