import * as z from 'zod';
import { msg, schemaText } from '#shared/messages/index.ts';
import { Count, Id, Int, Line, LineOut, PageQuery, PayPeriod, Text, TextOut, Timestamp, Version, Year, YearOut, page } from '#shared/schemas/common.ts';

/*
 * The pay desk (issue 11 items 2–4): manual adjustments approved by a second person,
 * inquiries on statements, and sign-off of statements and of the year's pay policy.
 */

const listCap = 10_000;
const Reason = Line(500);
const Note = Text(2000);
const AccountRole = z.enum(['contact_leader', 'sales_manager']);

/** A manual adjustment moves pay by at most ten million yuan either way. */
export const maxAdjustmentFen = 1_000_000_000;
export const AdjustmentCategory = z.enum(['correction', 'bonus', 'deduction', 'other']);
export const AdjustmentStatus = z.enum(['pending', 'approved']);
export type AdjustmentStatus = z.infer<typeof AdjustmentStatus>;

const notZero = schemaText(msg('field.notZero'));
const forceWithReason = schemaText(msg('field.forceWithReason'));

export const AdjustmentBody = z.strictObject({
  staffId: Id,
  amount: Int(-maxAdjustmentFen, maxAdjustmentFen).refine((n) => n !== 0, notZero),
  category: AdjustmentCategory,
  reason: Reason,
});
export type AdjustmentInput = z.infer<typeof AdjustmentBody>;

export const Adjustment = z
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
    approvedBy: Id.nullable(),
    approvedAt: Timestamp.nullable(),
    version: Version,
  })
  .meta({ id: 'PayAdjustment' });
export type Adjustment = z.infer<typeof Adjustment>;

export const AdjustmentParams = z.strictObject({ period: PayPeriod, id: Id });
export const AdjustmentsQuery = z.strictObject({ status: AdjustmentStatus.optional(), ...PageQuery });
export const AdjustmentPage = page(Adjustment).meta({ id: 'PayAdjustmentPage' });

/* Inquiries. */

export const InquiryStatus = z.enum(['open', 'answered']);
export type InquiryStatus = z.infer<typeof InquiryStatus>;

export const InquiryBody = z.strictObject({
  role: AccountRole.optional(),
  accountId: Id.optional(),
  /** Index of a line of the statement's explanation. */
  line: Int(0, listCap).optional(),
  text: Text(5000),
});
export type InquiryInput = z.infer<typeof InquiryBody>;

/** `{ outcome: "rejected", reason }` or `{ outcome: "accepted", action, adjustmentId (when adjusted), note }`. */
export const AnswerBody = z
  .strictObject({
    outcome: z.enum(['rejected', 'accepted']),
    reason: Note.optional(),
    action: z.enum(['reclosed', 'adjusted']).optional(),
    adjustmentId: Id.optional(),
    note: Note.optional(),
  })
  .superRefine((b, ctx) => {
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
  });
export type AnswerInput = z.infer<typeof AnswerBody>;

const Answer = z.union([
  z.object({ outcome: z.literal('rejected'), reason: TextOut(2000) }),
  z.object({ outcome: z.literal('accepted'), action: z.enum(['reclosed', 'adjusted']), adjustmentId: Id.nullable(), note: TextOut(2000) }),
]);

export const Inquiry = z
  .object({
    id: Id,
    period: PayPeriod,
    staffId: Id,
    role: AccountRole.nullable(),
    accountId: Id.nullable(),
    line: Int(0, listCap).nullable(),
    text: TextOut(5000),
    status: InquiryStatus,
    raisedAt: Timestamp,
    answer: Answer.nullable(),
    answeredBy: Id.nullable(),
    answeredAt: Timestamp.nullable(),
    version: Version,
  })
  .meta({ id: 'PayInquiry' });
export type Inquiry = z.infer<typeof Inquiry>;
/** As listed and read: with its age in whole days (Asia/Shanghai). */
export const InquiryView = Inquiry.extend({ ageDays: Count }).meta({ id: 'PayInquiryView' });

export const InquiryParams = z.strictObject({ id: Id });
export const InquiriesQuery = z.strictObject({
  status: InquiryStatus.optional(),
  /** Coordinators may name anyone; others list their own. */
  staffId: Id.optional(),
  ...PageQuery,
});
export type InquiriesQuery = z.infer<typeof InquiriesQuery>;
export const InquiryPage = page(InquiryView).meta({ id: 'PayInquiryPage' });

/* Finalising with inquiries still open. */

export const FinalizeBody = z
  .strictObject({ force: z.literal(true).optional(), reason: Reason.optional() })
  .refine((b) => (b.force === undefined) === (b.reason === undefined), { message: forceWithReason, path: ['reason'] });
export type FinalizeInput = z.infer<typeof FinalizeBody>;
export const ForcedFinalize = z.object({ reason: LineOut(500), by: Id, at: Timestamp, openInquiries: Count }).meta({ id: 'ForcedFinalize' });
export type ForcedFinalize = z.infer<typeof ForcedFinalize>;

/* Sign-off. */

export const StatementAck = z
  .object({ period: PayPeriod, staffId: Id, statementVersion: Version, total: Int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER), acknowledgedAt: Timestamp })
  .meta({ id: 'StatementAcknowledgement' });
export type StatementAck = z.infer<typeof StatementAck>;

export const PolicyAck = z
  .object({ year: YearOut, staffId: Id, policyVersion: Version, acknowledgedAt: Timestamp, version: Version })
  .meta({ id: 'PayPolicyAcknowledgement' });
export type PolicyAck = z.infer<typeof PolicyAck>;

export const PendingQuery = z.strictObject({ pending: z.enum(['true', 'false']).default('true') });

export const StatementAckList = z
  .object({
    period: PayPeriod,
    statementCount: Count,
    acknowledged: Count,
    items: z.array(z.object({ staffId: Id, statementVersion: Version, acknowledgedAt: Timestamp.nullable() })).max(listCap),
  })
  .meta({ id: 'StatementAcknowledgements' });

export const PolicyAckList = z
  .object({
    year: YearOut,
    policyVersion: Version,
    assessed: Count,
    acknowledged: Count,
    items: z.array(z.object({ staffId: Id, acknowledgedVersion: Version.nullable(), acknowledgedAt: Timestamp.nullable() })).max(listCap),
  })
  .meta({ id: 'PayPolicyAcknowledgements' });

export const StatementAckParams = z.strictObject({ period: PayPeriod, staffId: Id });
export const PolicyYearParams = z.strictObject({ year: Year });
