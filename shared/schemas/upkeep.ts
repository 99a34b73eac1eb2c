import * as z from 'zod';
import { Id, IsoDate, PageQuery, Version, page } from '#shared/schemas/common.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
/** Distinct ids; the caps keep a meeting and its index items within one transaction (100 items). */
const Ids = (max: number) => z.array(Id).max(max).refine((ids) => new Set(ids).size === ids.length, 'must not repeat');

export const VisitType = z.enum(['formal_visit', 'formal_reception', 'routine_visit']);
export const Visit = z
  .object({
    id: Id,
    accountId: Id,
    type: VisitType,
    visitedOn: IsoDate,
    summary: z.string(),
    participantIds: z.array(Id),
    madeBy: Id,
    recordedAt: z.string(),
  })
  .meta({ id: 'Visit' });
export type Visit = z.infer<typeof Visit>;
export const VisitBody = z.strictObject({ type: VisitType, visitedOn: IsoDate, summary: Text(5000), participantIds: Ids(20).optional() });
export type VisitInput = z.infer<typeof VisitBody>;

/** A date range, both ends inclusive. */
export const DateRangeQuery = z
  .strictObject({ from: IsoDate, to: IsoDate, ...PageQuery })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] });
export const VisitsByPersonQuery = z
  .strictObject({ staffId: Id, from: IsoDate, to: IsoDate, ...PageQuery })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] });

const KeyFigures = z.record(z.string().max(100), z.union([z.number(), z.string().max(500)]));
export const Report = z
  .object({
    accountId: Id,
    month: Month,
    summary: z.string(),
    keyFigures: KeyFigures,
    filedBy: Id,
    filedAt: z.string(),
    version: Version,
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;
export const ReportBody = z.strictObject({ month: Month, summary: Text(20_000), keyFigures: KeyFigures.optional() });
export type ReportInput = z.infer<typeof ReportBody>;
export const ReportPatchBody = z
  .strictObject({ summary: Text(20_000).optional(), keyFigures: KeyFigures.optional() })
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change');
export const ReportParams = z.strictObject({ id: Id, month: Month });
export const MonthRangeQuery = z
  .strictObject({ from: Month, to: Month })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const MeetingType = z.enum([
  'leadership_semiannual_review',
  'contact_leader_quarterly_review',
  'coordination_monthly',
  'special',
  'executive_forum',
]);
export type MeetingType = z.infer<typeof MeetingType>;
export const ActionItem = z.object({ id: Id, action: z.string(), ownerId: Id, dueOn: IsoDate, done: z.boolean(), doneOn: IsoDate.nullable() });
export type ActionItem = z.infer<typeof ActionItem>;
export const Meeting = z
  .object({
    id: Id,
    type: MeetingType,
    heldOn: IsoDate,
    attendeeIds: z.array(Id),
    accountIds: z.array(Id),
    minutes: z.string().nullable(),
    decisions: z.array(z.string()),
    actionItems: z.array(ActionItem),
    recordedBy: Id,
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
});
export type MeetingInput = z.infer<typeof MeetingBody>;
export const MeetingsQuery = z
  .strictObject({ type: MeetingType, from: IsoDate, to: IsoDate, ...PageQuery })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] });
export const ActionItemParams = z.strictObject({ id: Id, itemId: Id });
export const ActionItemDoneBody = z.strictObject({ doneOn: IsoDate });
export const OpenActionItemsQuery = z.strictObject({ ownerId: Id });
export const OpenActionItem = ActionItem.extend({ meetingId: Id, meetingType: MeetingType, heldOn: IsoDate }).meta({ id: 'OpenActionItem' });

export const VisitPage = page(Visit).meta({ id: 'VisitPage' });
export const ReportPage = page(Report).meta({ id: 'ReportPage' });
export const MeetingPage = page(Meeting).meta({ id: 'MeetingPage' });
