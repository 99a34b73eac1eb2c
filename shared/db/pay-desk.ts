import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { moveAudited } from '#shared/db/audited.ts';
import { all, commit, defineEntity, first, moveFrom, page, put, update, type Write } from '#shared/db/entity.ts';
import { equals } from '#shared/db/query.ts';
import { finalised, periodStates } from '#shared/db/pay.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import { Adjustment, type AdjustmentStatus, Inquiry, type InquiryStatus, PolicyAck, StatementAck } from '#shared/schemas/pay-desk.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const adjustments = /* @__PURE__ */ defineEntity({
  kind: 'pay-adjustment', label: 'manual pay adjustment', schema: Adjustment, versioned: true,
  keys: {
    pk: 'ADJUSTMENTS#<period>', sk: '<id>',
    // The status partition moves on approval, so "pending" is one keyed read.
    gsi2: { pk: 'ADJUSTMENTS#<period>#<status>', sk: '<id>' },
  },
  patterns: {
    ofPeriod: { doc: "a period's manual adjustments, oldest first" },
    byStatus: { doc: "a period's manual adjustments of one status (pending, approved)", index: 'gsi2' },
  },
});

export const inquiries = /* @__PURE__ */ defineEntity({
  kind: 'pay-inquiry', label: 'statement inquiry', schema: Inquiry, versioned: true,
  keys: {
    pk: 'INQUIRY#<id>', sk: 'PROFILE',
    gsi1: { pk: 'PERIOD#<period>#INQUIRIES#<status>', sk: '<raisedAt>#<id>' },
    gsi2: { pk: 'INQUIRIES#<status>', sk: '<raisedAt>#<id>' },
    gsi3: { pk: 'STAFF#<staffId>#INQUIRIES', sk: '<raisedAt>#<id>' },
  },
  patterns: {
    ofPeriod: { doc: "a period's inquiries of one status (finalise looks for an open one)", index: 'gsi1' },
    byStatus: { doc: 'inquiries of one status, oldest first', index: 'gsi2' },
    byStaff: { doc: "a person's inquiries, oldest first", index: 'gsi3' },
  },
});

export const statementAcks = /* @__PURE__ */ defineEntity({
  kind: 'statement-ack', label: 'statement acknowledgement', schema: StatementAck,
  keys: { pk: 'PERIOD#<period>', sk: 'ACK#<staffId>' },
  patterns: { ofPeriod: { doc: "who acknowledged a period's statement (by staff id)", sk: 'ACK#' } },
});

export const policyAcks = /* @__PURE__ */ defineEntity({
  kind: 'pay-policy-ack', label: 'pay policy acknowledgement (latest per person)', schema: PolicyAck, versioned: true,
  keys: { pk: 'PAYPOLICY#<year>', sk: 'ACK#<staffId>' },
  patterns: { ofYear: { doc: "who acknowledged a year's pay policy, and which version (by staff id)", sk: 'ACK#' } },
});

/**
 * Every desk write that could change what finalise checks bumps the period's `deskChanges`;
 * finalise commits only if the count is the one it read, so a write racing it is not lost.
 * Adjustments need the period still a draft.
 */
const touchPeriod = (period: string, draftOnly: boolean): Write => ({
  item: update(periodStates, { period }, 'ADD deskChanges :one', {
    expression: draftOnly ? 'attribute_exists(pk) AND #status = :draft' : 'attribute_exists(pk)',
    values: { ':one': 1, ...(draftOnly ? { ':draft': 'draft' } : {}) },
    ...(draftOnly ? { names: { '#status': 'status' } } : {}),
  }),
  onFail: (existing) => (existing === undefined ? new NotFound(msg(M.pay_periodNotClosed, { period })) : finalised(period)),
});

export const insertAdjustment = (adjustment: Adjustment, ctx: AuditContext) =>
  commit([
    touchPeriod(adjustment.period, true),
    put(adjustments, adjustment, 'new', { onFail: () => new Conflict(msg(M.desk_adjustmentIdTaken, { id: adjustment.id })) }),
    auditPut(ctx, { entity: 'pay-adjustment', entityId: `${adjustment.period}#${adjustment.id}`, action: 'create', after: adjustment }),
  ]);

/** Approval lands once: still pending at the version read, in a period still a draft. */
export const recordApproval = (before: Adjustment, after: Adjustment, ctx: AuditContext) =>
  commit([
    touchPeriod(after.period, true),
    moveFrom(adjustments, before, after, 'pending', {
      gone: () => new NotFound(msg(M.desk_adjustmentGone, { id: before.id })),
      moved: () => new Conflict(msg(M.desk_alreadyApproved, { id: before.id }), 'already-approved'),
    }),
    auditPut(ctx, { entity: 'pay-adjustment', entityId: `${after.period}#${after.id}`, action: 'approve', before, after }),
  ]);

/** Access pattern: a period's adjustments, a page at a time, of one status or all. */
export const listAdjustmentsPage = (period: string, status: AdjustmentStatus | undefined, limit: number, cursor?: string) =>
  status === undefined ? page(adjustments, 'ofPeriod', { period }, limit, cursor) : page(adjustments, 'byStatus', { period, status }, limit, cursor);

/** Access pattern: every adjustment of a period of one status (the close reads the approved ones). */
export const listAdjustments = (period: string, status: AdjustmentStatus) => all(adjustments, 'byStatus', { period, status });

/** Whether any adjustment of the period has this status (one keyed read of one item). */
export const anyAdjustment = async (period: string, status: AdjustmentStatus) => (await first(adjustments, 'byStatus', { period, status })) !== undefined;

export const insertInquiry = (inquiry: Inquiry, ctx: AuditContext) =>
  commit([
    touchPeriod(inquiry.period, false),
    put(inquiries, inquiry, 'new', { onFail: () => new Conflict(msg(M.desk_inquiryIdTaken, { id: inquiry.id })) }),
    auditPut(ctx, { entity: 'pay-inquiry', entityId: inquiry.id, action: 'raise', after: inquiry }),
  ]);

/** The answer lands once: the inquiry still open at the version read (a second answer is a 409). */
export const recordAnswer = (before: Inquiry, after: Inquiry, ctx: AuditContext) =>
  moveAudited(inquiries, before, after, 'open', {
    gone: () => new NotFound(msg(M.desk_inquiryNotFound, { id: before.id })),
    moved: () => new Conflict(msg(M.desk_alreadyAnswered, { id: before.id }), 'already-answered'),
  }, { ctx, action: 'answer' });

/** Access pattern: one person's inquiries, oldest first, of one status or all. */
export const listInquiriesOfStaff = (staffId: string, status: InquiryStatus | undefined, limit: number, cursor?: string) =>
  page(inquiries, 'byStaff', { staffId }, limit, cursor, { filter: equals('status', status) });

export const insertStatementAck = (ack: StatementAck, ctx: AuditContext) =>
  commit([
    put(statementAcks, ack, 'new', { onFail: () => new Conflict(msg(M.desk_statementAcknowledged, { period: ack.period }), 'already-acknowledged') }),
    auditPut(ctx, { entity: 'statement', entityId: `${ack.period}#${ack.staffId}`, action: 'acknowledge', after: ack }),
  ]);

/** A person's acknowledgement of the policy's current version replaces their acknowledgement of an older one. */
export const putPolicyAck = (ack: PolicyAck, before: PolicyAck | undefined, ctx: AuditContext) =>
  commit([
    put(policyAcks, ack, before?.version ?? 'new', { onFail: () => new Conflict(msg(M.desk_policyAckRetry, { year: ack.year }), 'concurrent-change') }),
    auditPut(ctx, { entity: 'pay-policy', entityId: String(ack.year), action: 'acknowledge', before, after: ack }),
  ]);

