import * as z from 'zod/mini';
import { Count, Cursor, Id, Int, YearOut, IsoDate, LineOut, Month, PageQuery, PeriodOrMonth, Timestamp, maxPage, page } from '#shared/schemas/common.ts';
import { MeetingType } from '#shared/schemas/upkeep.ts';
import { built } from '#shared/built.ts';

const Ratio = /* @__PURE__ */ built(() => z.string().check(z.maxLength(24), z.regex(/^\d+\.\d{4}$/)));
/** Documented bounds of server-built lists: holdings of a period, people of the key-account team. */
const listCap = 10_000;
export const Component = /* @__PURE__ */ built(() => z.object({ required: Count, done: Count, counted: Count, missing: Count, ratio: z.nullable(Ratio) }));
export const AccountRow = /* @__PURE__ */ built(() => z.object({
  accountId: Id,
  held: z.array(z.object({ from: IsoDate, to: IsoDate })).check(z.maxLength(listCap)),
  heldDays: Count,
  f: Ratio,
  visitsRequired: Count,
  visitsDone: Count,
  visitsMissing: Count,
  reportsRequired: z.optional(Count),
  reportsDone: z.optional(Count),
  reportsMissing: z.optional(Count),
  monthsWithoutReport: z.optional(z.array(Month).check(z.maxLength(12))),
}));
export const ComplianceView = /* @__PURE__ */ built(() => z
  .object({
    staffId: Id,
    role: z.enum(['contact_leader', 'sales_manager']),
    period: PeriodOrMonth,
    accounts: z.array(AccountRow).check(z.maxLength(listCap)),
    visits: Component,
    reports: z.optional(Component),
    meetings: z.optional(Component),
    management: z.nullable(Ratio),
    explanation: z.array(LineOut(2000)).check(z.maxLength(listCap)),
  }).register(z.globalRegistry, { id: 'ComplianceView' }));

export const ComplianceQuery = /* @__PURE__ */ built(() => z.strictObject({
  /** `YYYY-Qn`, `YYYY` or `YYYY-MM`. */
  period: PeriodOrMonth,
  /** One person's compliance over all the accounts they held; without it, per key account. */
  staffId: z.optional(Id),
  ...PageQuery,
}));

export const BodyCadence = /* @__PURE__ */ built(() => z.object({
  body: z.enum(['leadership', 'contact_leaders', 'coordination_group']),
  meetingType: MeetingType,
  required: Count,
  held: Count,
  missing: Count,
  /** Active members of the body who attended fewer of these meetings than were due. */
  absent: z.array(Id).check(z.maxLength(listCap)),
}));

export const Compliance = /* @__PURE__ */ built(() => z
  .object({
    period: PeriodOrMonth,
    /** Per person: one view per role they held in the period (with `staffId`). */
    people: z.array(ComplianceView).check(z.maxLength(2)),
    /** Per key account and responsible person (without `staffId`), a page of accounts at a time. */
    accounts: z.array(z.object({
      accountId: Id,
      name: LineOut(200),
      rows: z.array(ComplianceView).check(z.maxLength(listCap)),
      /** The account plan (一企一策) of the period's year: the approved version in force, or null when none is approved. */
      plan: z.object({ year: YearOut, approved: z.boolean(), inForce: z.nullable(Int(1, 99_999_999)) }),
    })).check(z.maxLength(maxPage)),
    /** Meeting cadence per body: leadership each half year, contact leaders each quarter, coordination each month, the executive forum each year. */
    bodies: z.array(BodyCadence).check(z.maxLength(4)),
    nextCursor: z.nullable(Cursor),
  }).register(z.globalRegistry, { id: 'Compliance' }));

export const Alert = /* @__PURE__ */ built(() => z
  .object({
    staffId: Id,
    month: Month,
    accountId: Id,
    /** `feedback_overdue`: the account's feedback past its deadline (issue 13); required = done + missing = items waiting. */
    kind: z.enum(['visits', 'reports', 'feedback_overdue']),
    required: Count,
    done: Count,
    missing: Count,
    createdAt: Timestamp,
  }).register(z.globalRegistry, { id: 'Alert' }));
export type Alert = z.infer<typeof Alert>;
export const AlertsQuery = /* @__PURE__ */ built(() => z.strictObject({ staffId: Id, month: z.optional(Month) }));
export const AlertPage = /* @__PURE__ */ built(() => page(Alert).register(z.globalRegistry, { id: 'AlertPage' }));
