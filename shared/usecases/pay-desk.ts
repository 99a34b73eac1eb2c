import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { all, get, page } from '#shared/db/entity.ts';
import * as desk from '#shared/db/pay-desk.ts';
import * as store from '#shared/db/pay.ts';
import * as rules from '#shared/domain/pay/desk.ts';
import { parsePayPeriod } from '#shared/domain/pay/period.ts';
import type { ApprovedAdjustment } from '#shared/domain/pay/statement.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Conflict, Forbidden, NotFound } from '#shared/errors.ts';
import type { FinalizeInput, ForcedFinalize } from '#shared/schemas/pay-desk.ts';
import type {
  Adjustment, AdjustmentInput, AdjustmentStatus, AnswerInput, InquiriesQuery, Inquiry, InquiryInput, PolicyAck, StatementAck,
} from '#shared/schemas/pay-desk.ts';
import type { PeriodState, StoredStatement } from '#shared/schemas/pay.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const adjustmentLocation = (a: Adjustment) => `/v1/periods/${a.period}/adjustments/${a.id}`;
export const inquiryLocation = (id: string) => `/v1/inquiries/${id}`;

const draftPeriod = async (period: string): Promise<PeriodState> => {
  parsePayPeriod(period);
  const state = await store.getPeriodState(period);
  if (state?.closedAt === undefined) throw new NotFound(msg(M.pay_periodNotClosed, { period }));
  if (state.status === 'final') throw store.finalised(period);
  return state;
};

const mustGetStatement = async (period: string, staffId: string): Promise<StoredStatement> => {
  const statement = await store.getStatement(period, staffId);
  if (statement === undefined) throw new NotFound(msg(M.pay_statementNotFound, { staffId, period }));
  return statement;
};

/** A manual adjustment of a draft period's statement, pending until a second person approves it. */
export const createAdjustment = async (period: string, input: AdjustmentInput, audit: AuditContext): Promise<Adjustment> => {
  await draftPeriod(period);
  await mustGetStatement(period, input.staffId);
  const adjustment = rules.newAdjustment(ulid(), period, input, audit.actorId, audit.at);
  await desk.insertAdjustment(adjustment, audit);
  return adjustment;
};

/** Four eyes: anyone of the desk but the author (and the person paid) approves, once. */
export const approveAdjustment = async (period: string, id: string, audit: AuditContext): Promise<Adjustment> => {
  parsePayPeriod(period);
  const before = await get(desk.adjustments, { period: period, id: id });
  if (before === undefined) throw new NotFound(msg(M.desk_adjustmentNotFound, { id, period }));
  const after = rules.approve(before, audit.actorId, audit.at);
  await desk.recordApproval(before, after, audit);
  return after;
};

export const listAdjustments = (period: string, q: { status?: AdjustmentStatus; limit: number; cursor?: string }) => {
  parsePayPeriod(period);
  return desk.listAdjustmentsPage(period, q.status, q.limit, q.cursor);
};

/** What the close adds to the statements: the period's approved manual adjustments. */
export const approvedAdjustments = async (period: string): Promise<ApprovedAdjustment[]> =>
  (await all(desk.adjustments, 'byStatus', { period: period, status: 'approved' })).map((a) => ({ id: a.id, staffId: a.staffId, amount: a.amount, category: a.category, reason: a.reason, approvedBy: a.approvedBy ?? '' }));

/**
 * Finalise's desk check (before it marks anything final): pending or not-yet-closed
 * adjustments refuse; open inquiries refuse unless forced with a reason, which is kept.
 */
export const finaliseDeskCheck = async (state: PeriodState & { deskChanges?: number }, input: FinalizeInput, audit: AuditContext, withStatement: ReadonlySet<string>): Promise<store.DeskCheck> => {
  const [pendingAdjustments, approved, open] = await Promise.all([
    desk.anyAdjustment(state.period, 'pending'),
    all(desk.adjustments, 'byStatus', { period: state.period, status: 'approved' }),
    all(desk.inquiries, 'ofPeriod', { period: state.period, status: 'open' }),
  ]);
  const forced: ForcedFinalize | null = rules.finaliseBlocker({
    period: state.period,
    closedAt: state.closedAt,
    pendingAdjustments,
    approvedAt: approved.map((a) => a.approvedAt ?? ''),
    approvedFor: approved.map((a) => a.staffId),
    withStatement,
    openInquiries: open.length,
    ...(input.force === true && input.reason !== undefined ? { force: { reason: input.reason, by: audit.actorId, at: audit.at } } : {}),
  });
  return { deskChanges: state.deskChanges, forced };
};

/* Inquiries. */

const view = (inquiry: Inquiry, now: Date) => ({ ...inquiry, ageDays: rules.ageDays(inquiry.raisedAt, now) });

/** A person questions their own statement (draft or final), naming what they like of it. */
export const raiseInquiry = async (caller: Caller, period: string, staffId: string, input: InquiryInput, audit: AuditContext) => {
  parsePayPeriod(period);
  if (caller.id !== staffId) throw new Forbidden(msg(M.desk_ownInquiriesOnly), 'not-own-statement');
  const statement = await mustGetStatement(period, staffId);
  const outline = {
    roles: statement.assessments.map((a) => a.role),
    accountIds: statement.assessments.flatMap((a) => a.accounts.map((row) => row.accountId)),
    lines: statement.explanation.length,
  };
  const inquiry = rules.newInquiry(ulid(), period, staffId, input, outline, audit.at);
  await desk.insertInquiry(inquiry, audit);
  return view(inquiry, new Date(audit.at));
};

/** Coordinators list any (open unless asked, oldest first); everyone else their own. */
export const findInquiries = async (caller: Caller, q: InquiriesQuery) => {
  const coordinator = hasAnyRole(caller, ['coordinator']);
  if (!coordinator && q.staffId !== undefined && q.staffId !== caller.id) throw new Forbidden(msg(M.desk_listOwnInquiries), 'role-not-allowed');
  const found =
    coordinator && q.staffId === undefined
      ? await page(desk.inquiries, 'byStatus', { status: q.status ?? 'open' }, q.limit, q.cursor)
      : await desk.listInquiriesOfStaff(q.staffId ?? caller.id, q.status, q.limit, q.cursor);
  const now = new Date();
  return { items: found.items.map((i) => view(i, now)), nextCursor: found.nextCursor };
};

const mustGetInquiry = async (id: string): Promise<Inquiry> => {
  const inquiry = await get(desk.inquiries, { id });
  if (inquiry === undefined) throw new NotFound(msg(M.desk_inquiryNotFound, { id }));
  return inquiry;
};

/** The person who raised it and coordinators read an inquiry and its answer. */
export const readInquiry = async (caller: Caller, id: string) => {
  const inquiry = await mustGetInquiry(id);
  if (inquiry.staffId !== caller.id && !hasAnyRole(caller, ['coordinator'])) throw new Forbidden(msg(M.desk_inquiryReaders), 'not-own-inquiry');
  return view(inquiry, new Date());
};

/** A coordinator answers once; an adjustment named must be one of that person in that period. */
export const answerInquiry = async (id: string, input: AnswerInput, audit: AuditContext) => {
  const before = await mustGetInquiry(id);
  if (input.adjustmentId !== undefined) {
    const adjustment = await get(desk.adjustments, { period: before.period, id: input.adjustmentId });
    if (adjustment === undefined || adjustment.staffId !== before.staffId) throw new NotFound(msg(M.desk_adjustmentOfNotFound, { id: input.adjustmentId, staffId: before.staffId, period: before.period }));
  }
  const after = rules.answer(before, input, audit.actorId, audit.at);
  await desk.recordAnswer(before, after, audit);
  return view(after, new Date(audit.at));
};

/* Sign-off. */

/** After finalise, each person acknowledges their statement once. */
export const acknowledgeStatement = async (caller: Caller, period: string, staffId: string, audit: AuditContext): Promise<StatementAck> => {
  parsePayPeriod(period);
  if (caller.id !== staffId) throw new Forbidden(msg(M.desk_ownStatementOnly), 'not-own-statement');
  const state = await store.getPeriodState(period);
  if (state?.status !== 'final') throw new Conflict(msg(M.desk_notFinalYet, { period }), 'period-not-final');
  const statement = await mustGetStatement(period, staffId);
  const ack: StatementAck = { period, staffId, statementVersion: statement.version, total: statement.total, acknowledgedAt: audit.at };
  await desk.insertStatementAck(ack, audit);
  return ack;
};

/** Everyone with a statement in the period and whether they acknowledged it (keyed reads of the period). */
export const statementAcknowledgements = async (period: string, pendingOnly: boolean) => {
  parsePayPeriod(period);
  if ((await store.getPeriodState(period)) === undefined) throw new NotFound(msg(M.pay_periodNotClosed, { period }));
  const [statements, acks] = await Promise.all([store.listStatements(period), all(desk.statementAcks, 'ofPeriod', { period })]);
  const { rows, pending } = rules.pendingOf(statements, acks, () => true);
  return {
    period,
    statementCount: statements.length,
    acknowledged: rows.length - pending.length,
    items: (pendingOnly ? pending : rows).map((r) => ({ staffId: r.person.staffId, statementVersion: r.person.version, acknowledgedAt: r.ack?.acknowledgedAt ?? null })),
  };
};

/** Assessed in a year: a statement in a closed period of that year (its quarters or the year). */
const periodsOf = (year: number) => [1, 2, 3, 4].map((q) => `${year}-Q${q}`).concat(String(year));

const assessedIn = async (year: number): Promise<{ staffId: string }[]> => {
  const ids = new Set((await Promise.all(periodsOf(year).map((p) => store.listStatements(p)))).flat().map((s) => s.staffId));
  return [...ids].sort().map((staffId) => ({ staffId }));
};

const mustGetPolicy = async (year: number) => {
  const policy = await store.getPayPolicy(year);
  if (policy === undefined) throw new NotFound(msg(M.pay_policyNotFound, { year }));
  return policy;
};

/** Each person assessed in the year acknowledges the policy's current version once; a new version asks again. */
export const acknowledgePolicy = async (caller: Caller, year: number, audit: AuditContext): Promise<PolicyAck> => {
  const policy = await mustGetPolicy(year);
  const statements = await Promise.all(periodsOf(year).map((p) => store.getStatement(p, caller.id)));
  if (statements.every((s) => s === undefined)) throw new Forbidden(msg(M.desk_notAssessed, { year }), 'not-assessed');
  const before = await get(desk.policyAcks, { year, staffId: caller.id });
  if (before?.policyVersion === policy.version) throw new Conflict(msg(M.desk_policyAcknowledged, { year, count: policy.version }), 'already-acknowledged');
  const ack: PolicyAck = { year, staffId: caller.id, policyVersion: policy.version, acknowledgedAt: audit.at, version: (before?.version ?? 0) + 1 };
  await desk.putPolicyAck(ack, before, audit);
  return ack;
};

/** Everyone assessed in the year, with the version they last acknowledged; pending: not the current one. */
export const policyAcknowledgements = async (year: number, pendingOnly: boolean) => {
  const policy = await mustGetPolicy(year);
  const [people, acks] = await Promise.all([assessedIn(year), all(desk.policyAcks, 'ofYear', { year })]);
  const { rows, pending } = rules.pendingOf(people, acks, (a) => a.policyVersion === policy.version);
  return {
    year,
    policyVersion: policy.version,
    assessed: people.length,
    acknowledged: rows.length - pending.length,
    items: (pendingOnly ? pending : rows).map((r) => ({ staffId: r.person.staffId, acknowledgedVersion: r.ack?.policyVersion ?? null, acknowledgedAt: r.ack?.acknowledgedAt ?? null })),
  };
};
