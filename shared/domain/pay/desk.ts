/*
 * The pay desk's pure rules (issue 11 items 2–4): four-eyes approval of manual
 * adjustments, inquiries answered once, what finalise waits for, and who has not yet
 * signed off. shared/usecases/pay-desk.ts reads and writes the records.
 */
import { daysBetween, todayInShanghai } from '#shared/domain/dates.ts';
import { Conflict, Forbidden, RuleViolation, fieldError } from '#shared/errors.ts';
import type { Adjustment, AdjustmentInput, AnswerInput, ForcedFinalize, Inquiry, InquiryInput } from '#shared/schemas/pay-desk.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const newAdjustment = (id: string, period: string, input: AdjustmentInput, by: string, at: string): Adjustment => ({
  id, period, staffId: input.staffId, amount: input.amount, category: input.category, reason: input.reason,
  status: 'pending', createdBy: by, createdAt: at, approvedBy: null, approvedAt: null, version: 1,
});

/** Four eyes: the approver is neither the adjustment's author nor the person it pays. */
export const approve = (adjustment: Adjustment, by: string, at: string): Adjustment => {
  if (adjustment.status !== 'pending') throw new Conflict(msg(M.desk_alreadyApproved, { id: adjustment.id }), 'already-approved');
  if (by === adjustment.createdBy) throw new Forbidden(msg(M.desk_notTheAuthor), 'four-eyes');
  if (by === adjustment.staffId) throw new Forbidden(msg(M.desk_notOwnPay), 'four-eyes');
  return { ...adjustment, status: 'approved', approvedBy: by, approvedAt: at, version: adjustment.version + 1 };
};

/** What an inquiry may name: a role, an account and an explanation line the statement has. */
export interface StatementOutline {
  roles: readonly string[];
  accountIds: readonly string[];
  lines: number;
}

export const newInquiry = (id: string, period: string, staffId: string, input: InquiryInput, statement: StatementOutline, at: string): Inquiry => {
  const errors = [
    ...(input.role !== undefined && !statement.roles.includes(input.role) ? [fieldError('body.role', msg(M.field_notOnStatementRole))] : []),
    ...(input.accountId !== undefined && !statement.accountIds.includes(input.accountId) ? [fieldError('body.accountId', msg(M.field_notOnStatementAccount))] : []),
    ...(input.line !== undefined && input.line >= statement.lines ? [fieldError('body.line', msg(M.field_explanationLines, { count: statement.lines }))] : []),
  ];
  if (errors.length > 0) throw new RuleViolation('not-on-statement', msg(M.desk_notOnStatement), errors);
  return {
    id, period, staffId, role: input.role ?? null, accountId: input.accountId ?? null, line: input.line ?? null, text: input.text,
    status: 'open', raisedAt: at, answer: null, answeredBy: null, answeredAt: null, version: 1,
  };
};

/** One answer per inquiry: rejected with a reason, or accepted with what was done. */
export const answer = (inquiry: Inquiry, input: AnswerInput, by: string, at: string): Inquiry => {
  if (inquiry.status !== 'open') throw new Conflict(msg(M.desk_alreadyAnswered, { id: inquiry.id }), 'already-answered');
  const given =
    input.outcome === 'rejected'
      ? { outcome: 'rejected' as const, reason: input.reason ?? '' }
      : { outcome: 'accepted' as const, action: input.action ?? 'reclosed', adjustmentId: input.adjustmentId ?? null, note: input.note ?? '' };
  return { ...inquiry, status: 'answered', answer: given, answeredBy: by, answeredAt: at, version: inquiry.version + 1 };
};

/** Whole days since the inquiry was raised, in the company's time zone. */
export const ageDays = (raisedAt: string, now: Date): number => Math.max(0, daysBetween(todayInShanghai(new Date(raisedAt)), todayInShanghai(now)));

export interface FinaliseDesk {
  period: string;
  /** When the period was last closed. */
  closedAt: string;
  pendingAdjustments: boolean;
  approvedAt: readonly string[];
  /** Whom the approved adjustments pay, and who has a statement in the period. */
  approvedFor: readonly string[];
  withStatement: ReadonlySet<string>;
  openInquiries: number;
  force?: { reason: string; by: string; at: string };
}

/**
 * What finalise waits for: no adjustment awaiting approval; every approved one in the
 * statements (approved before the last close); no open inquiry unless forced, with a reason.
 */
export const finaliseBlocker = (desk: FinaliseDesk): ForcedFinalize | null => {
  if (desk.pendingAdjustments) throw new Conflict(msg(M.desk_adjustmentsPending, { period: desk.period }), 'adjustments-pending');
  if (desk.approvedAt.some((at) => at > desk.closedAt)) {
    throw new Conflict(msg(M.desk_recloseNeeded, { period: desk.period }), 'reclose-needed');
  }
  // Nothing recorded is left out of pay: an approved adjustment for someone the close no
  // longer gives a statement (no longer assessed after a re-close) stops the finalise.
  const orphaned = [...new Set(desk.approvedFor.filter((staffId) => !desk.withStatement.has(staffId)))].sort();
  if (orphaned.length > 0) {
    throw new Conflict(msg(M.desk_withoutStatement, { period: desk.period, names: orphaned }), 'adjustment-without-statement');
  }
  if (desk.openInquiries === 0) return null;
  if (desk.force === undefined) {
    throw new Conflict(msg(M.desk_openInquiries, { period: desk.period, count: desk.openInquiries }), 'open-inquiries');
  }
  return { ...desk.force, openInquiries: desk.openInquiries };
};

/** Who has not signed off: everyone listed, less those whose acknowledgement `isCurrent`. */
export const pendingOf = <P extends { staffId: string }, A extends { staffId: string }>(people: readonly P[], acks: readonly A[], isCurrent: (ack: A) => boolean) => {
  const byStaff = new Map(acks.map((a) => [a.staffId, a]));
  const rows = people.map((p) => ({ person: p, ack: byStaff.get(p.staffId) }));
  return { rows, pending: rows.filter((r) => r.ack === undefined || !isCurrent(r.ack)) };
};
