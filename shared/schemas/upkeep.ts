import * as z from 'zod/mini';
import { BoundedRecord, Decimal, Id, IsoDate, LineOut, Month, PageQuery, Text, TextOut, Timestamp, Version, lineMessage, linePattern, page } from '#shared/schemas/common.ts';
import { StakeholderIds } from '#shared/schemas/stakeholders.ts';
import { msg, saying } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

export { Month };
/** Distinct ids; the caps keep a meeting and its index items within one transaction (100 items). */
const Ids = (max: number) => z.array(Id).check(z.maxLength(max), z.refine((ids) => new Set(ids).size === ids.length, saying(msg(M.field_noRepeat, {}))));

export const VisitType = /* @__PURE__ */ z.enum(['formal_visit', 'formal_reception', 'routine_visit']);
export const Visit = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    type: VisitType,
    visitedOn: IsoDate,
    summary: TextOut(5000),
    participantIds: z.array(Id).check(z.maxLength(20)),
    /** The customer's people met (absent on visits recorded before stakeholders were kept). */
    stakeholderIds: z.optional(z.array(Id).check(z.maxLength(20))),
    madeBy: Id,
    recordedAt: Timestamp,
  }).register(z.globalRegistry, { id: 'Visit' }));
export type Visit = z.infer<typeof Visit>;
export const VisitBody = /* @__PURE__ */ built(() => z.strictObject({
  type: VisitType,
  visitedOn: IsoDate,
  summary: Text(5000),
  participantIds: z.optional(Ids(20)),
  /** The account's stakeholders met: their last contact moves to this visit's day. */
  stakeholderIds: z.optional(StakeholderIds(20)),
}));
export type VisitInput = z.infer<typeof VisitBody>;

/** A date range, both ends inclusive. */
export const DateRangeQuery = /* @__PURE__ */ built(() => z
  .strictObject({ from: IsoDate, to: IsoDate, ...PageQuery }).check(z.refine((q) => q.from <= q.to, { ...saying(msg(M.field_notAfterField, { other: 'to' })), path: ['from'] })));
export const VisitsByPersonQuery = /* @__PURE__ */ built(() => z
  .strictObject({ staffId: Id, from: IsoDate, to: IsoDate, ...PageQuery }).check(z.refine((q) => q.from <= q.to, { ...saying(msg(M.field_notAfterField, { other: 'to' })), path: ['from'] })));

/**
 * A report's key figures: at most 50, each a number (|x| ≤ 10^15, at most 6 decimal places,
 * so DynamoDB always stores it exactly) or one line of text.
 */
const KeyFigureValue = /* @__PURE__ */ built(() => z.union([
  Decimal(-1e15, 1e15, 6),
  z.string().check(z.maxLength(500), z.regex(linePattern, lineMessage)),
]));
const KeyFigures = /* @__PURE__ */ BoundedRecord(KeyFigureValue, 50);
const KeyFiguresOut = /* @__PURE__ */ built(() => z.record(z.string().check(z.maxLength(64)), z.union([z.number().check(z.minimum(-1e15), z.maximum(1e15)), LineOut(500)])).register(z.globalRegistry, { maxProperties: 50 }));
export const Report = /* @__PURE__ */ built(() => z
  .object({
    accountId: Id,
    month: Month,
    summary: TextOut(20_000),
    keyFigures: KeyFiguresOut,
    filedBy: Id,
    filedAt: Timestamp,
    version: Version,
  }).register(z.globalRegistry, { id: 'Report' }));
export type Report = z.infer<typeof Report>;
export const ReportBody = /* @__PURE__ */ built(() => z.strictObject({ month: Month, summary: Text(20_000), keyFigures: z.optional(KeyFigures) }));
export type ReportInput = z.infer<typeof ReportBody>;
export const ReportPatchBody = /* @__PURE__ */ built(() => z
  .strictObject({ summary: z.optional(Text(20_000)), keyFigures: z.optional(KeyFigures) }).check(z.refine((b) => Object.keys(b).length > 0, saying(msg(M.field_nothingToChange)))));
export const ReportParams = /* @__PURE__ */ z.strictObject({ id: Id, month: Month });
export const MonthRangeQuery = /* @__PURE__ */ built(() => z
  .strictObject({ from: Month, to: Month }).check(z.refine((q) => q.from <= q.to, { ...saying(msg(M.field_notAfterField, { other: 'to' })), path: ['from'] })));

export const MeetingType = /* @__PURE__ */ z.enum([
  'leadership_semiannual_review',
  'contact_leader_quarterly_review',
  'coordination_monthly',
  'special',
  'executive_forum',
]);
export type MeetingType = z.infer<typeof MeetingType>;
export const ActionItem = /* @__PURE__ */ built(() => z.object({ id: Id, action: TextOut(2000), ownerId: Id, dueOn: IsoDate, done: z.boolean(), doneOn: z.nullable(IsoDate) }));
export type ActionItem = z.infer<typeof ActionItem>;
export const Meeting = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    type: MeetingType,
    heldOn: IsoDate,
    attendeeIds: z.array(Id).check(z.maxLength(60)),
    accountIds: z.array(Id).check(z.maxLength(20)),
    minutes: z.nullable(TextOut(30_000)),
    decisions: z.array(TextOut(1000)).check(z.maxLength(50)),
    actionItems: z.array(ActionItem).check(z.maxLength(15)),
    /** An executive forum's customer executives who attended: stakeholders of the accounts discussed (absent on older meetings). */
    customerExecutives: z.optional(z.array(z.object({ accountId: Id, stakeholderId: Id })).check(z.maxLength(60))),
    recordedBy: Id,
    /** When it was recorded (absent on meetings from before it was kept). */
    recordedAt: z.optional(Timestamp),
    version: Version,
  }).register(z.globalRegistry, { id: 'Meeting' }));
export type Meeting = z.infer<typeof Meeting>;
export const MeetingBody = /* @__PURE__ */ built(() => z.strictObject({
  type: MeetingType,
  heldOn: IsoDate,
  attendeeIds: Ids(60).check(z.minLength(1)),
  accountIds: z.optional(Ids(20)),
  // Caps keep a meeting (and its audit copy) well inside DynamoDB's 400 KB item limit.
  minutes: z.optional(Text(30_000)),
  decisions: z.optional(z.array(Text(1000)).check(z.maxLength(50))),
  actionItems: z.optional(z.array(z.strictObject({ action: Text(2000), ownerId: Id, dueOn: IsoDate })).check(z.maxLength(15))),
  /** `executive_forum` only: the customer executives who attended, each a stakeholder of one of `accountIds`. */
  customerExecutives: z.optional(z.array(z.strictObject({ accountId: Id, stakeholderId: Id })).check(z.maxLength(60))),
}));
export type MeetingInput = z.infer<typeof MeetingBody>;
export const MeetingsQuery = /* @__PURE__ */ built(() => z
  .strictObject({ type: MeetingType, from: IsoDate, to: IsoDate, ...PageQuery }).check(z.refine((q) => q.from <= q.to, { ...saying(msg(M.field_notAfterField, { other: 'to' })), path: ['from'] })));
export const ActionItemParams = /* @__PURE__ */ z.strictObject({ id: Id, itemId: Id });
export const ActionItemDoneBody = /* @__PURE__ */ z.strictObject({ doneOn: IsoDate });
export const OpenActionItemsQuery = /* @__PURE__ */ z.strictObject({ ownerId: Id });
export const OpenActionItem = /* @__PURE__ */ built(() => z.extend(ActionItem, { meetingId: Id, meetingType: MeetingType, heldOn: IsoDate }).register(z.globalRegistry, { id: 'OpenActionItem' }));

export const VisitPage = /* @__PURE__ */ built(() => page(Visit).register(z.globalRegistry, { id: 'VisitPage' }));
export const ReportPage = /* @__PURE__ */ built(() => page(Report).register(z.globalRegistry, { id: 'ReportPage' }));
export const MeetingPage = /* @__PURE__ */ built(() => page(Meeting).register(z.globalRegistry, { id: 'MeetingPage' }));
