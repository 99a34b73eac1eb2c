import * as z from 'zod';
import { BoundedRecord, Decimal, Id, IsoDate, LineOut, Month, PageQuery, Text, TextOut, Timestamp, Version, lineMessage, linePattern, page } from '#shared/schemas/common.ts';
import { StakeholderIds } from '#shared/schemas/stakeholders.ts';
import { msg, saying } from '#shared/messages/index.ts';

export { Month };
/** Distinct ids; the caps keep a meeting and its index items within one transaction (100 items). */
const Ids = (max: number) => z.array(Id).max(max).refine((ids) => new Set(ids).size === ids.length, saying(msg('field.noRepeat', {})));

export const VisitType = z.enum(['formal_visit', 'formal_reception', 'routine_visit']);
export const Visit = z
  .object({
    id: Id,
    accountId: Id,
    type: VisitType,
    visitedOn: IsoDate,
    summary: TextOut(5000),
    participantIds: z.array(Id).max(20),
    /** The customer's people met (absent on visits recorded before stakeholders were kept). */
    stakeholderIds: z.optional(z.array(Id).check(z.maxLength(20))),
    madeBy: Id,
    recordedAt: Timestamp,
  })
  .meta({ id: 'Visit' });
export type Visit = z.infer<typeof Visit>;
export const VisitBody = z.strictObject({
  type: VisitType,
  visitedOn: IsoDate,
  summary: Text(5000),
  participantIds: Ids(20).optional(),
  /** The account's stakeholders met: their last contact moves to this visit's day. */
  stakeholderIds: z.optional(StakeholderIds(20)),
});
export type VisitInput = z.infer<typeof VisitBody>;

/** A date range, both ends inclusive. */
export const DateRangeQuery = z
  .strictObject({ from: IsoDate, to: IsoDate, ...PageQuery })
  .refine((q) => q.from <= q.to, { ...saying(msg('field.notAfterField', { other: 'to' })), path: ['from'] });
export const VisitsByPersonQuery = z
  .strictObject({ staffId: Id, from: IsoDate, to: IsoDate, ...PageQuery })
  .refine((q) => q.from <= q.to, { ...saying(msg('field.notAfterField', { other: 'to' })), path: ['from'] });

/**
 * A report's key figures: at most 50, each a number (|x| ≤ 10^15, at most 6 decimal places,
 * so DynamoDB always stores it exactly) or one line of text.
 */
const KeyFigureValue = z.union([
  Decimal(-1e15, 1e15, 6),
  z.string().max(500).regex(linePattern, lineMessage),
]);
const KeyFigures = BoundedRecord(KeyFigureValue, 50);
const KeyFiguresOut = z.record(z.string().max(64), z.union([z.number().min(-1e15).max(1e15), LineOut(500)])).meta({ maxProperties: 50 });
export const Report = z
  .object({
    accountId: Id,
    month: Month,
    summary: TextOut(20_000),
    keyFigures: KeyFiguresOut,
    filedBy: Id,
    filedAt: Timestamp,
    version: Version,
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;
export const ReportBody = z.strictObject({ month: Month, summary: Text(20_000), keyFigures: KeyFigures.optional() });
export type ReportInput = z.infer<typeof ReportBody>;
export const ReportPatchBody = z
  .strictObject({ summary: Text(20_000).optional(), keyFigures: KeyFigures.optional() })
  .refine((b) => Object.keys(b).length > 0, saying(msg('field.nothingToChange')));
export const ReportParams = z.strictObject({ id: Id, month: Month });
export const MonthRangeQuery = z
  .strictObject({ from: Month, to: Month })
  .refine((q) => q.from <= q.to, { ...saying(msg('field.notAfterField', { other: 'to' })), path: ['from'] });

export const MeetingType = z.enum([
  'leadership_semiannual_review',
  'contact_leader_quarterly_review',
  'coordination_monthly',
  'special',
  'executive_forum',
]);
export type MeetingType = z.infer<typeof MeetingType>;
export const ActionItem = z.object({ id: Id, action: TextOut(2000), ownerId: Id, dueOn: IsoDate, done: z.boolean(), doneOn: IsoDate.nullable() });
export type ActionItem = z.infer<typeof ActionItem>;
export const Meeting = z
  .object({
    id: Id,
    type: MeetingType,
    heldOn: IsoDate,
    attendeeIds: z.array(Id).max(60),
    accountIds: z.array(Id).max(20),
    minutes: TextOut(30_000).nullable(),
    decisions: z.array(TextOut(1000)).max(50),
    actionItems: z.array(ActionItem).max(15),
    /** An executive forum's customer executives who attended: stakeholders of the accounts discussed (absent on older meetings). */
    customerExecutives: z.optional(z.array(z.object({ accountId: Id, stakeholderId: Id })).check(z.maxLength(60))),
    recordedBy: Id,
    /** When it was recorded (absent on meetings from before it was kept). */
    recordedAt: Timestamp.optional(),
    version: Version,
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof Meeting>;
export const MeetingBody = z.strictObject({
  type: MeetingType,
  heldOn: IsoDate,
  attendeeIds: Ids(60).min(1),
  accountIds: Ids(20).optional(),
  // Caps keep a meeting (and its audit copy) well inside DynamoDB's 400 KB item limit.
  minutes: Text(30_000).optional(),
  decisions: z.array(Text(1000)).max(50).optional(),
  actionItems: z.array(z.strictObject({ action: Text(2000), ownerId: Id, dueOn: IsoDate })).max(15).optional(),
  /** `executive_forum` only: the customer executives who attended, each a stakeholder of one of `accountIds`. */
  customerExecutives: z.optional(z.array(z.strictObject({ accountId: Id, stakeholderId: Id })).check(z.maxLength(60))),
});
export type MeetingInput = z.infer<typeof MeetingBody>;
export const MeetingsQuery = z
  .strictObject({ type: MeetingType, from: IsoDate, to: IsoDate, ...PageQuery })
  .refine((q) => q.from <= q.to, { ...saying(msg('field.notAfterField', { other: 'to' })), path: ['from'] });
export const ActionItemParams = z.strictObject({ id: Id, itemId: Id });
export const ActionItemDoneBody = z.strictObject({ doneOn: IsoDate });
export const OpenActionItemsQuery = z.strictObject({ ownerId: Id });
export const OpenActionItem = ActionItem.extend({ meetingId: Id, meetingType: MeetingType, heldOn: IsoDate }).meta({ id: 'OpenActionItem' });

export const VisitPage = page(Visit).meta({ id: 'VisitPage' });
export const ReportPage = page(Report).meta({ id: 'ReportPage' });
export const MeetingPage = page(Meeting).meta({ id: 'MeetingPage' });
