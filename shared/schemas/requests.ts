import * as z from 'zod/mini';
import { Id, IsoDate, Line, LineOut, PageQuery, Text, TextOut, Timestamp, Version, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/* Priority requests (domain.md §4; paper §4.1): a key account's requests are handled first. */

export const requestKinds = ['scheme_support', 'expert_support', 'deadline', 'capability', 'other'] as const;
export const RequestKind = /* @__PURE__ */ z.enum(requestKinds);
export const RequestStatus = /* @__PURE__ */ z.enum(['open', 'accepted', 'done', 'declined']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const RequestBody = /* @__PURE__ */ built(() => z.strictObject({
  kind: RequestKind,
  summary: Text(2000),
  /** The delivering department it is routed to. */
  department: Line(100),
  dueOn: IsoDate,
}));
export type RequestInput = z.infer<typeof RequestBody>;

/** The delivering department's answer: accepted; done, with what was delivered; or declined, with a reason the account's people see. */
export const AnswerBody = /* @__PURE__ */ built(() => z
  .strictObject({
    outcome: z.enum(['accepted', 'done', 'declined']),
    delivered: z.optional(Text(2000)),
    reason: z.optional(Text(2000)),
  })
  .check(
    z.refine((b) => b.outcome !== 'done' || b.delivered !== undefined, { ...saying(msg(M.field_requiredWhenDone)), path: ['delivered'] }),
    z.refine((b) => b.outcome !== 'declined' || b.reason !== undefined, { ...saying(msg(M.field_requiredWhenDeclined)), path: ['reason'] }),
  ));
export type AnswerInput = z.infer<typeof AnswerBody>;

export const PriorityRequest = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    /** The account's tier when the request was logged: key-account requests are queued first. */
    accountTier: z.enum(['key', 'normal']),
    kind: RequestKind,
    summary: TextOut(2000),
    department: LineOut(100),
    dueOn: IsoDate,
    status: RequestStatus,
    loggedBy: Id,
    loggedAt: Timestamp,
    acceptedBy: z.nullable(Id),
    acceptedAt: z.nullable(Timestamp),
    delivered: z.nullable(TextOut(2000)),
    declineReason: z.nullable(TextOut(2000)),
    closedBy: z.nullable(Id),
    closedAt: z.nullable(Timestamp),
    version: Version,
  })
  .register(z.globalRegistry, { id: 'PriorityRequest' }));
export type PriorityRequest = z.infer<typeof PriorityRequest>;

export const RequestParams = /* @__PURE__ */ z.strictObject({ id: Id, requestId: Id });
export const DepartmentParams = /* @__PURE__ */ built(() => z.strictObject({ department: Line(100) }));
export const AccountRequestsQuery = /* @__PURE__ */ built(() => z.strictObject({ status: z.optional(RequestStatus), ...PageQuery }));
export const RequestPageQuery = /* @__PURE__ */ z.strictObject({ ...PageQuery });

export const PriorityRequestPage = /* @__PURE__ */ built(() => page(PriorityRequest).register(z.globalRegistry, { id: 'PriorityRequestPage' }));
