import * as z from 'zod/mini';
import { requestKinds } from '#shared/schemas/requests.ts';
import { decisionRoles } from '#shared/schemas/stakeholders.ts';
import { creditCodeFault } from '#shared/domain/credit-code.ts';
import { dossierKinds } from '#shared/schemas/dossier.ts';
import { Count, Cursor, Fen, Id, Int, IsoDate, Line, LineOut, PageQuery, Text, TextOut, Timestamp, Version, Year as YearParam, YearOut, maxPage, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/** Integer fen, never negative. */
export const Amount = Fen;
export const Year = YearParam;
const Ratio = /* @__PURE__ */ built(() => z.string().check(z.maxLength(24), z.regex(/^\d+\.\d{4}$/)));

const CreditCode = /* @__PURE__ */ built(() => z
  .string().check(z.superRefine((code, ctx) => {
    const problem = creditCodeFault(code);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', ...saying(msg(M.field_creditCode, { problem })) });
  })).register(z.globalRegistry, { minLength: 18, maxLength: 18, pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' }));
const CreditCodeOut = /* @__PURE__ */ built(() => z.string().check(z.maxLength(18), z.regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/)));
const AccountName = /* @__PURE__ */ Line(200);
const Industry = /* @__PURE__ */ Line(100);
export const AccountRole = /* @__PURE__ */ z.enum(['contact_leader', 'sales_manager']);
/** A handover is one DynamoDB item (at most 400 KB), so none of its lists can reach this. */
const handoverListCap = 10_000;
/** Each designation or reassignment adds one; documented as a bound, far above any account's history. */
const maxAssignments = 10_000;

export const Account = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    name: LineOut(200),
    industry: LineOut(100),
    creditCode: z.nullable(CreditCodeOut),
    tier: z.enum(['normal', 'key']),
    contactLeaderId: z.nullable(Id),
    salesManagerId: z.nullable(Id),
    keySince: z.nullable(IsoDate),
    /** Roles whose holder has left; the coordination group must reassign them. */
    needsReassignment: z.array(AccountRole).check(z.maxLength(2)),
    createdBy: Id,
    createdAt: Timestamp,
    version: Version,
  }).register(z.globalRegistry, { id: 'Account' }));
export type Account = z.infer<typeof Account>;

export const AccountIdParams = /* @__PURE__ */ z.strictObject({ id: Id });

export const CreateAccountBody = /* @__PURE__ */ built(() => z.strictObject({
  name: AccountName,
  industry: Industry,
  creditCode: z.optional(CreditCode),
}));
export type CreateAccountInput = z.infer<typeof CreateAccountBody>;

export const PatchAccountBody = /* @__PURE__ */ built(() => z
  .strictObject({ name: z.optional(AccountName), industry: z.optional(Industry), creditCode: z.optional(CreditCode) }).check(z.refine((body) => Object.keys(body).length > 0, saying(msg(M.field_nothingToChange)))));
export type PatchAccountInput = z.infer<typeof PatchAccountBody>;

export const ListAccountsQuery = /* @__PURE__ */ built(() => z.strictObject({
  tier: z.optional(z.enum(['normal', 'key'])),
  ownerId: z.optional(Id),
  /** Accounts whose name starts with this. */
  name: z.optional(Line(200)),
  needsReassignment: z.optional(z.enum(['true'])),
  ...PageQuery,
}));
export type ListAccountsQuery = z.infer<typeof ListAccountsQuery>;

export const DesignationBody = /* @__PURE__ */ z.strictObject({
  contactLeaderId: Id,
  salesManagerId: Id,
  effectiveOn: IsoDate,
});
export type DesignationInput = z.infer<typeof DesignationBody>;

export const ReassignmentBody = /* @__PURE__ */ built(() => z.strictObject({
  role: AccountRole,
  staffId: Id,
  effectiveOn: IsoDate,
  reason: z.enum(['unfit', 'customer_request', 'departure', 'other']),
  handover: z.strictObject({
    items: z.array(Line(500)).check(z.minLength(1), z.maxLength(200)),
    openIssues: z.optional(z.array(Line(500)).check(z.maxLength(200))),
    notes: z.optional(Text(5000)),
  }),
}));
export type ReassignmentInput = z.infer<typeof ReassignmentBody>;

export const Assignment = /* @__PURE__ */ built(() => z
  .object({
    role: AccountRole,
    staffId: Id,
    from: IsoDate,
    to: z.nullable(IsoDate),
    reason: z.enum(['designation', 'unfit', 'customer_request', 'departure', 'other']),
  }).register(z.globalRegistry, { id: 'Assignment' }));

export const Handover = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    role: AccountRole,
    fromStaffId: Id,
    toStaffId: Id,
    effectiveOn: IsoDate,
    reason: z.enum(['unfit', 'customer_request', 'departure', 'other']),
    items: z.array(LineOut(500)).check(z.maxLength(200)),
    openIssues: z.array(LineOut(500)).check(z.maxLength(200)),
    notes: z.nullable(TextOut(5000)),
    /** What the account had open when it changed hands (资料交接表); each list is capped by handoverListCap. */
    dossierEntries: z.array(z.object({ id: Id, kind: z.enum(dossierKinds), title: LineOut(200) })).check(z.maxLength(handoverListCap)),
    openOpportunities: z.array(z.object({ id: Id, title: LineOut(200), stage: z.enum(['open', 'qualified', 'proposal', 'negotiation', 'won', 'lost']), estimatedAmount: Amount })).check(z.maxLength(handoverListCap)),
    openReceivables: z.array(z.object({ invoiceId: Id, projectId: Id, amount: Amount, paidAmount: Amount, dueOn: IsoDate })).check(z.maxLength(handoverListCap)),
    openActionItems: z.array(z.object({ meetingId: Id, itemId: Id, action: TextOut(2000), ownerId: Id, dueOn: IsoDate })).check(z.maxLength(handoverListCap)),
    /** The loyalty work open on the account (issue 12); absent on forms made before it was kept. */
    openObjectives: z.optional(z.array(z.object({ year: YearOut, number: Int(1, 99_999_999), id: Id, title: LineOut(200), ownerId: Id, dueOn: IsoDate, status: z.enum(['not_started', 'in_progress']) })).check(z.maxLength(handoverListCap))),
    openRequests: z.optional(z.array(z.object({ id: Id, kind: z.enum(requestKinds), department: LineOut(100), dueOn: IsoDate, status: z.enum(['open', 'accepted']) })).check(z.maxLength(handoverListCap))),
    stakeholders: z.optional(z.array(z.object({ id: Id, name: LineOut(100), title: LineOut(200), decisionRole: z.enum(decisionRoles), relationshipOwnerId: Id })).check(z.maxLength(handoverListCap))),
    recordedBy: Id,
    recordedAt: Timestamp,
    /** The new holder's confirmation that they received it. */
    receipt: z.nullable(z.object({ receivedBy: Id, receivedOn: IsoDate, notes: z.nullable(TextOut(5000)), recordedAt: Timestamp })),
    version: Version,
  }).register(z.globalRegistry, { id: 'Handover' }));
export type Handover = z.infer<typeof Handover>;
export const HandoverParams = /* @__PURE__ */ z.strictObject({ id: Id, handoverId: Id });
export const ReceiptBody = /* @__PURE__ */ built(() => z.strictObject({ receivedOn: IsoDate, notes: z.optional(Text(5000)) }));
export const HandoverPage = /* @__PURE__ */ built(() => page(Handover).register(z.globalRegistry, { id: 'HandoverPage' }));

export const ReassignmentResult = /* @__PURE__ */ built(() => z
  .object({ account: Account, closed: Assignment, opened: Assignment, handover: Handover }).register(z.globalRegistry, { id: 'ReassignmentResult' }));

export const AssignmentHistory = /* @__PURE__ */ built(() => z.object({ items: z.array(Assignment).check(z.maxLength(maxAssignments)), nextCursor: z.null() }).register(z.globalRegistry, { id: 'AssignmentHistory' }));

/** Exactly one amount per quarter, Q1 to Q4. */
const QuarterAmounts = /* @__PURE__ */ built(() => z.array(Amount).check(z.length(4)).register(z.globalRegistry, { minItems: 4, maxItems: 4 }));
export const TargetsParams = /* @__PURE__ */ z.strictObject({ id: Id, year: Year });
export const TargetsBody = /* @__PURE__ */ built(() => z.strictObject({
  contractAmount: Amount,
  collectionAmount: Amount,
  quarters: z.optional(z.strictObject({ contract: QuarterAmounts, collection: QuarterAmounts })),
}));
export type TargetsInput = z.infer<typeof TargetsBody>;

export const Targets = /* @__PURE__ */ built(() => z
  .object({
    accountId: Id,
    year: YearOut,
    contractAmount: Amount,
    collectionAmount: Amount,
    quarters: z.object({ contract: QuarterAmounts, collection: QuarterAmounts }),
    split: z.enum(['explicit', 'equal']),
    version: Version,
  }).register(z.globalRegistry, { id: 'Targets' }));
export type Targets = z.infer<typeof Targets>;

export const RevenueBody = /* @__PURE__ */ z.strictObject({ annualRevenueAmount: Amount });
export const Revenue = /* @__PURE__ */ built(() => z
  .object({ accountId: Id, year: YearOut, annualRevenueAmount: Amount, version: Version }).register(z.globalRegistry, { id: 'AccountRevenue' }));
export type Revenue = z.infer<typeof Revenue>;

export const CandidatesQuery = /* @__PURE__ */ z.strictObject({ year: Year, ...PageQuery });
export const Candidates = /* @__PURE__ */ built(() => z
  .object({
    year: YearOut,
    totalAmount: Amount,
    coreSetSize: Count,
    items: z
      .array(
      z.object({
        rank: Int(1, Number.MAX_SAFE_INTEGER),
        accountId: Id,
        name: LineOut(200),
        tier: z.enum(['normal', 'key']),
        revenueAmount: Amount,
        revenueSource: z.enum(['projects', 'recorded']),
        share: Ratio,
        cumulativeShare: Ratio,
        inCoreSet: z.boolean(),
        isKey: z.boolean(),
      }),
      ).check(z.maxLength(maxPage)),
    nextCursor: z.nullable(Cursor),
  }).register(z.globalRegistry, { id: 'KeyAccountCandidates' }));

export const AccountPage = /* @__PURE__ */ built(() => page(Account).register(z.globalRegistry, { id: 'AccountPage' }));
