import * as z from 'zod/mini';
import { Id, IsoDate, Line, LineOut, PageQuery, Text, TextOut, Timestamp, Version, page } from '#shared/schemas/common.ts';
import { built } from '#shared/built.ts';

const Department = /* @__PURE__ */ Line(100);
const Subject = /* @__PURE__ */ Line(200);
const LongText = /* @__PURE__ */ Text(5000);
export const DisputeStatus = /* @__PURE__ */ z.enum(['open', 'decided']);
export type DisputeStatus = z.infer<typeof DisputeStatus>;
export const InFavourOf = /* @__PURE__ */ z.enum(['filer', 'other_side', 'neither']);

export const Decision = /* @__PURE__ */ built(() => z
  .object({
    text: TextOut(5000),
    inFavourOf: InFavourOf,
    decidedBy: Id,
    /** The day in the company's time zone (Asia/Shanghai). */
    decidedOn: IsoDate,
  }).register(z.globalRegistry, { id: 'DisputeDecision' }));
export type Decision = z.infer<typeof Decision>;

export const Dispute = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    opportunityId: z.nullable(Id),
    filedBy: Id,
    filedByDepartment: LineOut(100),
    againstDepartment: z.nullable(LineOut(100)),
    subject: LineOut(200),
    description: TextOut(5000),
    status: DisputeStatus,
    filedAt: Timestamp,
    decision: z.nullable(Decision),
    version: Version,
  }).register(z.globalRegistry, { id: 'Dispute' }));
export type Dispute = z.infer<typeof Dispute>;

export const DisputeIdParams = /* @__PURE__ */ z.strictObject({ id: Id });

export const FileDisputeBody = /* @__PURE__ */ built(() => z.strictObject({
  accountId: Id,
  opportunityId: z.optional(Id),
  againstDepartment: z.optional(Department),
  subject: Subject,
  description: LongText,
}));
export type FileDisputeInput = z.infer<typeof FileDisputeBody>;

export const DecisionBody = /* @__PURE__ */ z.strictObject({
  decision: LongText,
  inFavourOf: InFavourOf,
});
export type DecisionInput = z.infer<typeof DecisionBody>;

export const ListDisputesQuery = /* @__PURE__ */ built(() => z.strictObject({
  /** Without `accountId` the list is of one status, `open` unless asked otherwise. */
  status: z.optional(DisputeStatus),
  /** Required for everyone but the coordination group and leadership. */
  accountId: z.optional(Id),
  ...PageQuery,
}));
export type ListDisputesQuery = z.infer<typeof ListDisputesQuery>;

export const DisputePage = /* @__PURE__ */ built(() => page(Dispute).register(z.globalRegistry, { id: 'DisputePage' }));
