import * as z from 'zod/mini';
import { msg, schemaText } from '#shared/messages/index.ts';
import { Count, Id, Int, Line, LineOut, PageQuery, PayPeriod, Text, TextOut, Timestamp, Version, Year, YearOut, page } from '#shared/schemas/common.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/*
 * The pay desk (issue 11 items 2–4): manual adjustments approved by a second person,
 * inquiries on statements, and sign-off of statements and of the year's pay policy.
 */

const listCap = 10_000;
const Reason = /* @__PURE__ */ Line(500);
const Note = /* @__PURE__ */ Text(2000);
const AccountRole = /* @__PURE__ */ z.enum(['contact_leader', 'sales_manager']);

/** A manual adjustment moves pay by at most ten million yuan either way. */
export const maxAdjustmentFen = 1_000_000_000;
export const AdjustmentCategory = /* @__PURE__ */ z.enum(['correction', 'bonus', 'deduction', 'other']);
export const AdjustmentStatus = /* @__PURE__ */ z.enum(['pending', 'approved']);
export type AdjustmentStatus = z.infer<typeof AdjustmentStatus>;

const notZero = /* @__PURE__ */ built(() => schemaText(msg(M.field_notZero)));
const forceWithReason = /* @__PURE__ */ built(() => schemaText(msg(M.field_forceWithReason)));

export const AdjustmentBody = /* @__PURE__ */ built(() => z.strictObject({
  staffId: Id,
  amount: Int(-maxAdjustmentFen, maxAdjustmentFen).check(z.refine((n) => n !== 0, notZero)),
  category: AdjustmentCategory,
  reason: Reason,
}));
export type AdjustmentInput = z.infer<typeof AdjustmentBody>;

export const Adjustment = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    period: PayPeriod,
    staffId: Id,
    /** Signed fen: a deduction is negative. */
    amount: Int(-maxAdjustmentFen, maxAdjustmentFen),
    category: AdjustmentCategory,
    reason: LineOut(500),
    status: AdjustmentStatus,
    createdBy: Id,
    createdAt: Timestamp,
    approvedBy: z.nullable(Id),
    approvedAt: z.nullable(Timestamp),
    version: Version,
  }).register(z.globalRegistry, { id: 'PayAdjustment' }));
export type Adjustment = z.infer<typeof Adjustment>;

export const AdjustmentParams = /* @__PURE__ */ z.strictObject({ period: PayPeriod, id: Id });
export const AdjustmentsQuery = /* @__PURE__ */ built(() => z.strictObject({ status: z.optional(AdjustmentStatus), ...PageQuery }));
export const AdjustmentPage = /* @__PURE__ */ built(() => page(Adjustment).register(z.globalRegistry, { id: 'PayAdjustmentPage' }));

/* Inquiries. */

export const InquiryStatus = /* @__PURE__ */ z.enum(['open', 'answered']);
export type InquiryStatus = z.infer<typeof InquiryStatus>;

export const InquiryBody = /* @__PURE__ */ built(() => z.strictObject({
  role: z.optional(AccountRole),
  accountId: z.optional(Id),
  /** Index of a line of the statement's explanation. */
  line: z.optional(Int(0, listCap)),
  text: Text(5000),
}));
export type InquiryInput = z.infer<typeof InquiryBody>;

/** `{ outcome: "rejected", reason }` or `{ outcome: "accepted", action, adjustmentId (when adjusted), note }`. */
export const AnswerBody = /* @__PURE__ */ built(() => z
  .strictObject({
    outcome: z.enum(['rejected', 'accepted']),
    reason: z.optional(Note),
    action: z.optional(z.enum(['reclosed', 'adjusted'])),
    adjustmentId: z.optional(Id),
    note: z.optional(Note),
  }).check(z.superRefine((b, ctx) => {
    const need = (field: keyof typeof b, present: boolean, message: string) => {
      if ((b[field] !== undefined) !== present) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (b.outcome === 'rejected') {
      need('reason', true, 'a rejection gives a reason');
      for (const field of ['action', 'adjustmentId', 'note'] as const) need(field, false, 'only for an accepted inquiry');
    } else {
      need('reason', false, 'only for a rejected inquiry');
      need('action', true, 'say what was done: reclosed or adjusted');
      need('note', true, 'an accepted inquiry gives a note');
      if (b.action !== undefined) need('adjustmentId', b.action === 'adjusted', 'the adjustment made, when (and only when) the action is adjusted');
    }
  })));
export type AnswerInput = z.infer<typeof AnswerBody>;

const Answer = /* @__PURE__ */ built(() => z.union([
  z.object({ outcome: z.literal('rejected'), reason: TextOut(2000) }),
  z.object({ outcome: z.literal('accepted'), action: z.enum(['reclosed', 'adjusted']), adjustmentId: z.nullable(Id), note: TextOut(2000) }),
]));

export const Inquiry = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    period: PayPeriod,
    staffId: Id,
    role: z.nullable(AccountRole),
    accountId: z.nullable(Id),
    line: z.nullable(Int(0, listCap)),
    text: TextOut(5000),
    status: InquiryStatus,
    raisedAt: Timestamp,
    answer: z.nullable(Answer),
    answeredBy: z.nullable(Id),
    answeredAt: z.nullable(Timestamp),
    version: Version,
  }).register(z.globalRegistry, { id: 'PayInquiry' }));
export type Inquiry = z.infer<typeof Inquiry>;
/** As listed and read: with its age in whole days (Asia/Shanghai). */
export const InquiryView = /* @__PURE__ */ built(() => z.extend(Inquiry, { ageDays: Count }).register(z.globalRegistry, { id: 'PayInquiryView' }));

export const InquiryParams = /* @__PURE__ */ z.strictObject({ id: Id });
export const InquiriesQuery = /* @__PURE__ */ built(() => z.strictObject({
  status: z.optional(InquiryStatus),
  /** Coordinators may name anyone; others list their own. */
  staffId: z.optional(Id),
  ...PageQuery,
}));
export type InquiriesQuery = z.infer<typeof InquiriesQuery>;
export const InquiryPage = /* @__PURE__ */ built(() => page(InquiryView).register(z.globalRegistry, { id: 'PayInquiryPage' }));

/* Finalising with inquiries still open. */

export const FinalizeBody = /* @__PURE__ */ built(() => z
  .strictObject({ force: z.optional(z.literal(true)), reason: z.optional(Reason) }).check(z.refine((b) => (b.force === undefined) === (b.reason === undefined), { message: forceWithReason, path: ['reason'] })));
export type FinalizeInput = z.infer<typeof FinalizeBody>;
export const ForcedFinalize = /* @__PURE__ */ built(() => z.object({ reason: LineOut(500), by: Id, at: Timestamp, openInquiries: Count }).register(z.globalRegistry, { id: 'ForcedFinalize' }));
export type ForcedFinalize = z.infer<typeof ForcedFinalize>;

/* Sign-off. */

export const StatementAck = /* @__PURE__ */ built(() => z
  .object({ period: PayPeriod, staffId: Id, statementVersion: Version, total: Int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER), acknowledgedAt: Timestamp }).register(z.globalRegistry, { id: 'StatementAcknowledgement' }));
export type StatementAck = z.infer<typeof StatementAck>;

export const PolicyAck = /* @__PURE__ */ built(() => z
  .object({ year: YearOut, staffId: Id, policyVersion: Version, acknowledgedAt: Timestamp, version: Version }).register(z.globalRegistry, { id: 'PayPolicyAcknowledgement' }));
export type PolicyAck = z.infer<typeof PolicyAck>;

export const PendingQuery = /* @__PURE__ */ built(() => z.strictObject({ pending: z._default(z.enum(['true', 'false']), 'true') }));

export const StatementAckList = /* @__PURE__ */ built(() => z
  .object({
    period: PayPeriod,
    statementCount: Count,
    acknowledged: Count,
    items: z.array(z.object({ staffId: Id, statementVersion: Version, acknowledgedAt: z.nullable(Timestamp) })).check(z.maxLength(listCap)),
  }).register(z.globalRegistry, { id: 'StatementAcknowledgements' }));

export const PolicyAckList = /* @__PURE__ */ built(() => z
  .object({
    year: YearOut,
    policyVersion: Version,
    assessed: Count,
    acknowledged: Count,
    items: z.array(z.object({ staffId: Id, acknowledgedVersion: z.nullable(Version), acknowledgedAt: z.nullable(Timestamp) })).check(z.maxLength(listCap)),
  }).register(z.globalRegistry, { id: 'PayPolicyAcknowledgements' }));

export const StatementAckParams = /* @__PURE__ */ z.strictObject({ period: PayPeriod, staffId: Id });
export const PolicyYearParams = /* @__PURE__ */ z.strictObject({ year: Year });
