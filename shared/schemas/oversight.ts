import * as z from 'zod/mini';
import { Id, IsoDate, Line, LineOut, PageQuery, Text, TextOut, Timestamp, Version, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

const ShortText = /* @__PURE__ */ Line(200);
const LongText = /* @__PURE__ */ Text(5000);

/* Spot checks (domain.md §3.1 "Tracking"): the coordination group checks a key account and records its findings. */

export const SpotCheckRating = /* @__PURE__ */ z.enum(['good', 'acceptable', 'poor']);

export const FollowUp = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    action: TextOut(1000),
    ownerId: Id,
    dueOn: IsoDate,
    done: z.boolean(),
    doneOn: z.nullable(IsoDate),
  }).register(z.globalRegistry, { id: 'SpotCheckFollowUp' }));
export type FollowUp = z.infer<typeof FollowUp>;

export const SpotCheck = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    checkedBy: Id,
    checkedOn: IsoDate,
    /** What was looked at, e.g. `dossier`, `visits`, `reports`, `receivables`. */
    scope: z.array(LineOut(100)).check(z.maxLength(20)),
    findings: TextOut(5000),
    rating: SpotCheckRating,
    followUps: z.array(FollowUp).check(z.maxLength(50)),
    version: Version,
  }).register(z.globalRegistry, { id: 'SpotCheck' }));
export type SpotCheck = z.infer<typeof SpotCheck>;

export const SpotCheckIdParams = /* @__PURE__ */ z.strictObject({ id: Id });
export const FollowUpParams = /* @__PURE__ */ z.strictObject({ id: Id, followUpId: Id });

export const SpotCheckBody = /* @__PURE__ */ built(() => z.strictObject({
  checkedOn: IsoDate,
  scope: z
    .array(Line(100)).check(z.minLength(1), z.maxLength(20), z.refine((list) => new Set(list).size === list.length, saying(msg(M.field_noRepeat, { items: 'scope items' })))),
  findings: LongText,
  rating: SpotCheckRating,
  followUps: z.optional(z
    .array(z.strictObject({ action: Text(1000), ownerId: Id, dueOn: IsoDate })).check(z.maxLength(50))),
}));
export type SpotCheckInput = z.infer<typeof SpotCheckBody>;

export const FollowUpDoneBody = /* @__PURE__ */ z.strictObject({ doneOn: IsoDate });

export const ListSpotChecksQuery = /* @__PURE__ */ z.strictObject({ ...PageQuery });

export const SpotCheckPage = /* @__PURE__ */ built(() => page(SpotCheck).register(z.globalRegistry, { id: 'SpotCheckPage' }));

/* Major-matter reports (重大事项, domain.md §3.2): every department reports to the coordination group. */

export const MatterCategory = /* @__PURE__ */ z.enum(['quality', 'safety', 'legal', 'commercial', 'personnel', 'other']);
export const MatterStatus = /* @__PURE__ */ z.enum(['unacknowledged', 'acknowledged']);
export type MatterStatus = z.infer<typeof MatterStatus>;

export const MajorMatter = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    reportedBy: Id,
    reportedByDepartment: LineOut(100),
    /** When the report was filed (ISO timestamp); lists are newest first by it. */
    reportedAt: Timestamp,
    occurredOn: IsoDate,
    category: MatterCategory,
    summary: LineOut(200),
    details: z.nullable(TextOut(5000)),
    status: MatterStatus,
    acknowledgedBy: z.nullable(Id),
    acknowledgedAt: z.nullable(Timestamp),
    response: z.nullable(TextOut(5000)),
    version: Version,
  }).register(z.globalRegistry, { id: 'MajorMatter' }));
export type MajorMatter = z.infer<typeof MajorMatter>;

export const MajorMatterIdParams = /* @__PURE__ */ z.strictObject({ id: Id });

export const MajorMatterBody = /* @__PURE__ */ built(() => z.strictObject({
  occurredOn: IsoDate,
  category: MatterCategory,
  summary: ShortText,
  details: z.optional(LongText),
}));
export type MajorMatterInput = z.infer<typeof MajorMatterBody>;

export const AcknowledgementBody = /* @__PURE__ */ z.strictObject({ response: LongText });

export const ListMajorMattersQuery = /* @__PURE__ */ built(() => z.strictObject({
  /** `unacknowledged` unless asked otherwise. */
  status: z.optional(MatterStatus),
  ...PageQuery,
}));

export const ListAccountMajorMattersQuery = /* @__PURE__ */ built(() => z.strictObject({
  status: z.optional(MatterStatus),
  ...PageQuery,
}));

export const MajorMatterPage = /* @__PURE__ */ built(() => page(MajorMatter).register(z.globalRegistry, { id: 'MajorMatterPage' }));
