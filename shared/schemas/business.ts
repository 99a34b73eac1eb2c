import * as z from 'zod/mini';
import { DiscountInForce } from '#shared/schemas/loyalty.ts';
import { Amount } from '#shared/schemas/accounts.ts';
import { Count, Id, Int, IsoDate, Line, LineOut, PageQuery, Text, TextOut, Timestamp, Version, maxPage, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/** Positive integer fen: invoices and payments move money, so never 0. */
const PositiveAmount = /* @__PURE__ */ built(() => Amount.check(z.minimum(1)));
/** Lists the server assembles from one account's or opportunity's records; documented bounds far above real use. */
const listCap = 10_000;

export const OpportunitySource = /* @__PURE__ */ z.enum(['sales', 'leadership', 'client_visit']);
/** Open stages a salesperson moves an opportunity through; `won` and `lost` only by win and lose. */
export const OpenStage = /* @__PURE__ */ z.enum(['open', 'qualified', 'proposal', 'negotiation']);
export const Stage = /* @__PURE__ */ z.enum(['open', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
export type Stage = z.infer<typeof Stage>;

export const Opportunity = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    title: LineOut(200),
    source: OpportunitySource,
    ownerId: Id,
    stage: Stage,
    estimatedAmount: Amount,
    expectedCloseOn: z.nullable(IsoDate),
    lastActivityOn: IsoDate,
    wonOn: z.nullable(IsoDate),
    lostOn: z.nullable(IsoDate),
    lostReason: z.nullable(TextOut(2000)),
    projectIds: z.array(Id).check(z.maxLength(listCap)),
    createdAt: Timestamp,
    version: Version,
  }).register(z.globalRegistry, { id: 'Opportunity' }));
export type Opportunity = z.infer<typeof Opportunity>;

export const CreateOpportunityBody = /* @__PURE__ */ built(() => z.strictObject({
  accountId: Id,
  title: Line(200),
  source: OpportunitySource,
  estimatedAmount: Amount,
  expectedCloseOn: z.optional(IsoDate),
}));
export type CreateOpportunityInput = z.infer<typeof CreateOpportunityBody>;

export const OpportunityUpdateBody = /* @__PURE__ */ built(() => z.strictObject({ note: Text(5000), stage: z.optional(OpenStage) }));
export type OpportunityUpdateInput = z.infer<typeof OpportunityUpdateBody>;

export const OpportunityUpdate = /* @__PURE__ */ built(() => z
  .object({ id: Id, opportunityId: Id, note: TextOut(5000), stage: z.nullable(Stage), by: Id, on: IsoDate, at: Timestamp }).register(z.globalRegistry, { id: 'OpportunityUpdate' }));
export type OpportunityUpdate = z.infer<typeof OpportunityUpdate>;

export const WinBody = /* @__PURE__ */ built(() => z.strictObject({
  wonOn: IsoDate,
  projects: z
    .array(z.strictObject({ name: Line(200), department: Line(100), contractAmount: PositiveAmount })).check(z.minLength(1), z.maxLength(20)),
}));
export type WinInput = z.infer<typeof WinBody>;

export const LoseBody = /* @__PURE__ */ built(() => z.strictObject({ lostOn: IsoDate, reason: Text(2000) }));

export const Project = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    opportunityId: Id,
    accountId: Id,
    name: LineOut(200),
    department: LineOut(100),
    contractAmount: Amount,
    wonOn: IsoDate,
    deliveredOn: z.nullable(IsoDate),
    invoicedAmount: Amount,
    paidAmount: Amount,
    version: Version,
    /** When the win was recorded (absent on projects from before it was kept). */
    recordedAt: z.optional(Timestamp),
  }).register(z.globalRegistry, { id: 'Project' }));
export type Project = z.infer<typeof Project>;

export const WinResult = /* @__PURE__ */ built(() => z.object({ opportunity: Opportunity, projects: z.array(Project).check(z.maxLength(20)) }).register(z.globalRegistry, { id: 'WinResult' }));

export const DeliveryBody = /* @__PURE__ */ z.strictObject({ deliveredOn: IsoDate });

/** Replacing the delivering department (domain.md §2, reassignment). */
export const DepartmentChangeBody = /* @__PURE__ */ built(() => z.strictObject({
  department: Line(100),
  effectiveOn: IsoDate,
  reason: z.enum(['unfit', 'customer_request', 'other']),
}));
export const DepartmentChange = /* @__PURE__ */ built(() => z
  .object({ projectId: Id, from: LineOut(100), to: LineOut(100), effectiveOn: IsoDate, reason: z.string().check(z.maxLength(32), z.regex(/^[a-z_]+$/)), changedBy: Id, changedAt: Timestamp }).register(z.globalRegistry, { id: 'DepartmentChange' }));
export type DepartmentChange = z.infer<typeof DepartmentChange>;

export const InvoiceBody = /* @__PURE__ */ built(() => z
  .strictObject({ amount: PositiveAmount, issuedOn: IsoDate, dueOn: IsoDate }).check(z.refine((b) => b.dueOn >= b.issuedOn, { ...saying(msg(M.field_notBeforeField, { other: 'issuedOn' })), path: ['dueOn'] })));
export type InvoiceInput = z.infer<typeof InvoiceBody>;

export const Invoice = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    projectId: Id,
    accountId: Id,
    amount: Amount,
    issuedOn: IsoDate,
    dueOn: IsoDate,
    paidAmount: Amount,
    status: z.enum(['open', 'paid']),
    version: Version,
  }).register(z.globalRegistry, { id: 'Invoice' }));
export type Invoice = z.infer<typeof Invoice>;

export const PaymentBody = /* @__PURE__ */ z.strictObject({ amount: PositiveAmount, receivedOn: IsoDate });
export const Payment = /* @__PURE__ */ built(() => z
  .object({ id: Id, invoiceId: Id, projectId: Id, accountId: Id, amount: Amount, receivedOn: IsoDate, recordedBy: Id, recordedAt: z.optional(Timestamp) }).register(z.globalRegistry, { id: 'Payment' }));
export type Payment = z.infer<typeof Payment>;
export const InvoiceWithPayments = /* @__PURE__ */ built(() => z.extend(Invoice, { payments: z.array(Payment).check(z.maxLength(listCap)) }).register(z.globalRegistry, { id: 'InvoiceWithPayments' }));
export const PaymentResult = /* @__PURE__ */ built(() => z.object({ payment: Payment, invoice: Invoice }).register(z.globalRegistry, { id: 'PaymentResult' }));

export const ListOpportunitiesQuery = /* @__PURE__ */ built(() => z
  .strictObject({
    accountId: z.optional(Id),
    ownerId: z.optional(Id),
    stage: z.optional(Stage),
    /** Open opportunities with no update for at least this many days. */
    staleDays: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3650)).register(z.globalRegistry, { format: 'int32' })),
    ...PageQuery,
  }).check(z.refine((q) => [q.accountId, q.ownerId, q.stage, q.staleDays].filter((v) => v !== undefined).length === 1, {
    ...saying(msg(M.field_exactlyOneOf, { names: ['accountId', 'ownerId', 'stage', 'staleDays'] })),
    path: ['accountId'],
  })));
export type ListOpportunitiesQuery = z.infer<typeof ListOpportunitiesQuery>;

export const ListProjectsQuery = /* @__PURE__ */ built(() => z
  .strictObject({ accountId: z.optional(Id), department: z.optional(Line(100)), ...PageQuery }).check(z.refine((q) => (q.accountId === undefined) !== (q.department === undefined), {
    ...saying(msg(M.field_exactlyOneOf, { names: ['accountId', 'department'] })),
    path: ['accountId'],
  })));

export const ReceivablesQuery = /* @__PURE__ */ built(() => z.strictObject({
  overdue: z.optional(z.enum(['true', 'false'])),
  /** The day the aging is computed for (default: today in Asia/Shanghai). */
  asOf: z.optional(IsoDate),
}));

const Buckets = /* @__PURE__ */ z.object({
  current: Amount,
  days1to30: Amount,
  days31to90: Amount,
  days90plus: Amount,
  total: Amount,
});
export type Buckets = z.infer<typeof Buckets>;
/** The receivables report covers every open invoice of the company in one reply. */
const receivablesCap = 100_000;
export const Receivables = /* @__PURE__ */ built(() => z
  .object({
    asOf: IsoDate,
    overdueOnly: z.boolean(),
    totals: Buckets,
    byAccount: z.array(z.object({ accountId: Id, name: LineOut(200), salesManagerId: z.nullable(Id), buckets: Buckets })).check(z.maxLength(receivablesCap)),
    bySalesManager: z.array(z.object({ salesManagerId: z.nullable(Id), buckets: Buckets })).check(z.maxLength(receivablesCap)),
    items: z
      .array(
      z.object({
        invoiceId: Id,
        projectId: Id,
        accountId: Id,
        amount: Amount,
        paidAmount: Amount,
        outstandingAmount: Amount,
        dueOn: IsoDate,
        daysOverdue: Int(-4_000_000, 4_000_000), // dates are years 0000–9999
        bucket: z.enum(['current', 'days1to30', 'days31to90', 'days90plus']),
      }),
      ).check(z.maxLength(receivablesCap)),
  }).register(z.globalRegistry, { id: 'Receivables' }));

const LoopAmounts = /* @__PURE__ */ z.object({
  contractAmount: Amount,
  deliveredAmount: Amount,
  invoicedAmount: Amount,
  paidAmount: Amount,
  toDeliverAmount: Amount,
  toInvoiceAmount: Amount,
  toCollectAmount: Amount,
});
export type LoopAmounts = z.infer<typeof LoopAmounts>;

export const OpportunityView = /* @__PURE__ */ built(() => z
  .object({
    opportunity: Opportunity,
    /** Where it is in opportunity → project → delivery → invoice → paid. */
    step: z.enum(['open', 'lost', 'won', 'delivered', 'invoiced', 'paid']),
    amounts: LoopAmounts,
    projects: z.array(Project).check(z.maxLength(listCap)),
    /** The account's approved discount in force on the day it was won (today while open). */
    discountInForce: DiscountInForce,
  }).register(z.globalRegistry, { id: 'OpportunityView' }));

/** A project with the account's approved discount in force on the day it was won. */
export const ProjectView = /* @__PURE__ */ built(() => z.object({ ...Project.shape, discountInForce: DiscountInForce }).register(z.globalRegistry, { id: 'ProjectView' }));

export const Pipeline = /* @__PURE__ */ built(() => z
  .object({
    accountId: Id,
    open: z.object({ count: Count, estimatedAmount: Amount }),
    won: z.object({ count: Count }),
    lost: z.object({ count: Count }),
    amounts: LoopAmounts,
  }).register(z.globalRegistry, { id: 'Pipeline' }));

export const IdParams = /* @__PURE__ */ z.strictObject({ id: Id });
export const OpportunityPage = /* @__PURE__ */ built(() => page(Opportunity).register(z.globalRegistry, { id: 'OpportunityPage' }));
export const ProjectPage = /* @__PURE__ */ built(() => page(Project).register(z.globalRegistry, { id: 'ProjectPage' }));
export const UpdatePage = /* @__PURE__ */ built(() => page(OpportunityUpdate).register(z.globalRegistry, { id: 'OpportunityUpdatePage' }));
export const DepartmentChangePage = /* @__PURE__ */ built(() => page(DepartmentChange).register(z.globalRegistry, { id: 'DepartmentChangePage' }));
