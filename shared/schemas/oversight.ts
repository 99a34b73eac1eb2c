import * as z from 'zod';
import { Id, IsoDate, Line, LineOut, PageQuery, Text, TextOut, Timestamp, Version, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';

const ShortText = Line(200);
const LongText = Text(5000);

/* Spot checks (domain.md §3.1 "Tracking"): the coordination group checks a key account and records its findings. */

export const SpotCheckRating = z.enum(['good', 'acceptable', 'poor']);

export const FollowUp = z
  .object({
    id: Id,
    action: TextOut(1000),
    ownerId: Id,
    dueOn: IsoDate,
    done: z.boolean(),
    doneOn: IsoDate.nullable(),
  })
  .meta({ id: 'SpotCheckFollowUp' });
export type FollowUp = z.infer<typeof FollowUp>;

export const SpotCheck = z
  .object({
    id: Id,
    accountId: Id,
    checkedBy: Id,
    checkedOn: IsoDate,
    /** What was looked at, e.g. `dossier`, `visits`, `reports`, `receivables`. */
    scope: z.array(LineOut(100)).max(20),
    findings: TextOut(5000),
    rating: SpotCheckRating,
    followUps: z.array(FollowUp).max(50),
    version: Version,
  })
  .meta({ id: 'SpotCheck' });
export type SpotCheck = z.infer<typeof SpotCheck>;

export const SpotCheckIdParams = z.strictObject({ id: Id });
export const FollowUpParams = z.strictObject({ id: Id, followUpId: Id });

export const SpotCheckBody = z.strictObject({
  checkedOn: IsoDate,
  scope: z
    .array(Line(100))
    .min(1)
    .max(20)
    .refine((list) => new Set(list).size === list.length, saying(msg('field.noRepeat', { items: 'scope items' }))),
  findings: LongText,
  rating: SpotCheckRating,
  followUps: z
    .array(z.strictObject({ action: Text(1000), ownerId: Id, dueOn: IsoDate }))
    .max(50)
    .optional(),
});
export type SpotCheckInput = z.infer<typeof SpotCheckBody>;

export const FollowUpDoneBody = z.strictObject({ doneOn: IsoDate });

export const ListSpotChecksQuery = z.strictObject({ ...PageQuery });

export const SpotCheckPage = page(SpotCheck).meta({ id: 'SpotCheckPage' });

/* Major-matter reports (重大事项, domain.md §3.2): every department reports to the coordination group. */

export const MatterCategory = z.enum(['quality', 'safety', 'legal', 'commercial', 'personnel', 'other']);
export const MatterStatus = z.enum(['unacknowledged', 'acknowledged']);
export type MatterStatus = z.infer<typeof MatterStatus>;

export const MajorMatter = z
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
    details: TextOut(5000).nullable(),
    status: MatterStatus,
    acknowledgedBy: Id.nullable(),
    acknowledgedAt: Timestamp.nullable(),
    response: TextOut(5000).nullable(),
    version: Version,
  })
  .meta({ id: 'MajorMatter' });
export type MajorMatter = z.infer<typeof MajorMatter>;

export const MajorMatterIdParams = z.strictObject({ id: Id });

export const MajorMatterBody = z.strictObject({
  occurredOn: IsoDate,
  category: MatterCategory,
  summary: ShortText,
  details: LongText.optional(),
});
export type MajorMatterInput = z.infer<typeof MajorMatterBody>;

export const AcknowledgementBody = z.strictObject({ response: LongText });

export const ListMajorMattersQuery = z.strictObject({
  /** `unacknowledged` unless asked otherwise. */
  status: MatterStatus.optional(),
  ...PageQuery,
});

export const ListAccountMajorMattersQuery = z.strictObject({
  status: MatterStatus.optional(),
  ...PageQuery,
});

export const MajorMatterPage = page(MajorMatter).meta({ id: 'MajorMatterPage' });
