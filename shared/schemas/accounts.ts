import * as z from 'zod';
import { creditCodeProblem } from '#shared/domain/credit-code.ts';
import { Id, IsoDate, PageQuery, Version, page } from '#shared/schemas/common.ts';

/** Integer fen, never negative. */
export const Amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const Year = z.coerce.number().int().min(2000).max(2100);
const Ratio = z.string().regex(/^\d+\.\d{4}$/);

const CreditCode = z
  .string()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `not a valid unified social credit code: ${problem}` });
  });
const AccountName = z.string().trim().min(1).max(200);
const Industry = z.string().trim().min(1).max(100);
export const AccountRole = z.enum(['contact_leader', 'sales_manager']);

export const Account = z
  .object({
    id: Id,
    name: z.string(),
    industry: z.string(),
    creditCode: z.string().nullable(),
    tier: z.enum(['normal', 'key']),
    contactLeaderId: Id.nullable(),
    salesManagerId: Id.nullable(),
    keySince: IsoDate.nullable(),
    /** Roles whose holder has left; the coordination group must reassign them. */
    needsReassignment: z.array(AccountRole),
    createdBy: Id,
    createdAt: z.string(),
    version: Version,
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

export const AccountIdParams = z.strictObject({ id: Id });

export const CreateAccountBody = z.strictObject({
  name: AccountName,
  industry: Industry,
  creditCode: CreditCode.optional(),
});
export type CreateAccountInput = z.infer<typeof CreateAccountBody>;

export const PatchAccountBody = z
  .strictObject({ name: AccountName.optional(), industry: Industry.optional(), creditCode: CreditCode.optional() })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');
export type PatchAccountInput = z.infer<typeof PatchAccountBody>;

export const ListAccountsQuery = z.strictObject({
  tier: z.enum(['normal', 'key']).optional(),
  ownerId: Id.optional(),
  /** Accounts whose name starts with this. */
  name: z.string().trim().min(1).max(200).optional(),
  needsReassignment: z.enum(['true']).optional(),
  ...PageQuery,
});
export type ListAccountsQuery = z.infer<typeof ListAccountsQuery>;

export const DesignationBody = z.strictObject({
  contactLeaderId: Id,
  salesManagerId: Id,
  effectiveOn: IsoDate,
});
export type DesignationInput = z.infer<typeof DesignationBody>;

export const ReassignmentBody = z.strictObject({
  role: AccountRole,
  staffId: Id,
  effectiveOn: IsoDate,
  reason: z.enum(['unfit', 'customer_request', 'departure', 'other']),
  handover: z.strictObject({
    items: z.array(z.string().trim().min(1).max(500)).min(1).max(200),
    openIssues: z.array(z.string().trim().min(1).max(500)).max(200).optional(),
    notes: z.string().max(5000).optional(),
  }),
});
export type ReassignmentInput = z.infer<typeof ReassignmentBody>;

export const Assignment = z
  .object({
    role: AccountRole,
    staffId: Id,
    from: IsoDate,
    to: IsoDate.nullable(),
    reason: z.enum(['designation', 'unfit', 'customer_request', 'departure', 'other']),
  })
  .meta({ id: 'Assignment' });

export const Handover = z
  .object({
    id: Id,
    accountId: Id,
    role: AccountRole,
    fromStaffId: Id,
    toStaffId: Id,
    effectiveOn: IsoDate,
    reason: z.string(),
    items: z.array(z.string()),
    openIssues: z.array(z.string()),
    notes: z.string().nullable(),
    /** What the account had open when it changed hands (资料交接表). */
    dossierEntries: z.array(z.object({ id: Id, kind: z.string(), title: z.string() })),
    openOpportunities: z.array(z.object({ id: Id, title: z.string(), stage: z.string(), estimatedAmount: Amount })),
    openReceivables: z.array(z.object({ invoiceId: Id, projectId: Id, amount: Amount, paidAmount: Amount, dueOn: IsoDate })),
    openActionItems: z.array(z.object({ meetingId: Id, itemId: Id, action: z.string(), ownerId: Id, dueOn: IsoDate })),
    recordedBy: Id,
    recordedAt: z.string(),
    /** The new holder's confirmation that they received it. */
    receipt: z.object({ receivedBy: Id, receivedOn: IsoDate, notes: z.string().nullable(), recordedAt: z.string() }).nullable(),
    version: Version,
  })
  .meta({ id: 'Handover' });
export type Handover = z.infer<typeof Handover>;
export const HandoverParams = z.strictObject({ id: Id, handoverId: Id });
export const ReceiptBody = z.strictObject({ receivedOn: IsoDate, notes: z.string().trim().min(1).max(5000).optional() });
export const HandoverPage = page(Handover).meta({ id: 'HandoverPage' });

export const ReassignmentResult = z
  .object({ account: Account, closed: Assignment, opened: Assignment, handover: Handover })
  .meta({ id: 'ReassignmentResult' });

export const AssignmentHistory = z.object({ items: z.array(Assignment), nextCursor: z.null() }).meta({ id: 'AssignmentHistory' });

const QuarterAmounts = z.tuple([Amount, Amount, Amount, Amount]);
export const TargetsParams = z.strictObject({ id: Id, year: Year });
export const TargetsBody = z.strictObject({
  contractAmount: Amount,
  collectionAmount: Amount,
  quarters: z.strictObject({ contract: QuarterAmounts, collection: QuarterAmounts }).optional(),
});
export type TargetsInput = z.infer<typeof TargetsBody>;

export const Targets = z
  .object({
    accountId: Id,
    year: z.number().int(),
    contractAmount: Amount,
    collectionAmount: Amount,
    quarters: z.object({ contract: QuarterAmounts, collection: QuarterAmounts }),
    split: z.enum(['explicit', 'equal']),
    version: Version,
  })
  .meta({ id: 'Targets' });
export type Targets = z.infer<typeof Targets>;

export const RevenueBody = z.strictObject({ annualRevenueAmount: Amount });
export const Revenue = z
  .object({ accountId: Id, year: z.number().int(), annualRevenueAmount: Amount, version: Version })
  .meta({ id: 'AccountRevenue' });
export type Revenue = z.infer<typeof Revenue>;

export const CandidatesQuery = z.strictObject({ year: Year, ...PageQuery });
export const Candidates = z
  .object({
    year: z.number().int(),
    totalAmount: Amount,
    coreSetSize: z.number().int(),
    items: z.array(
      z.object({
        rank: z.number().int(),
        accountId: Id,
        name: z.string(),
        tier: z.enum(['normal', 'key']),
        revenueAmount: Amount,
        revenueSource: z.enum(['projects', 'recorded']),
        share: Ratio,
        cumulativeShare: Ratio,
        inCoreSet: z.boolean(),
        isKey: z.boolean(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'KeyAccountCandidates' });

export const AccountPage = page(Account).meta({ id: 'AccountPage' });
