import * as z from 'zod';
import { Count, Cursor, Id, Int, YearOut, IsoDate, LineOut, Month, PageQuery, PeriodOrMonth, Timestamp, maxPage, page } from '#shared/schemas/common.ts';
import { MeetingType } from '#shared/schemas/upkeep.ts';

const Ratio = z.string().max(24).regex(/^\d+\.\d{4}$/);
/** Documented bounds of server-built lists: holdings of a period, people of the key-account team. */
const listCap = 10_000;
export const Component = z.object({ required: Count, done: Count, counted: Count, missing: Count, ratio: Ratio.nullable() });
export const AccountRow = z.object({
  accountId: Id,
  held: z.array(z.object({ from: IsoDate, to: IsoDate })).max(listCap),
  heldDays: Count,
  f: Ratio,
  visitsRequired: Count,
  visitsDone: Count,
  visitsMissing: Count,
  reportsRequired: Count.optional(),
  reportsDone: Count.optional(),
  reportsMissing: Count.optional(),
  monthsWithoutReport: z.array(Month).max(12).optional(),
});
export const ComplianceView = z
  .object({
    staffId: Id,
    role: z.enum(['contact_leader', 'sales_manager']),
    period: PeriodOrMonth,
    accounts: z.array(AccountRow).max(listCap),
    visits: Component,
    reports: Component.optional(),
    meetings: Component.optional(),
    management: Ratio.nullable(),
    explanation: z.array(LineOut(2000)).max(listCap),
  })
  .meta({ id: 'ComplianceView' });

export const ComplianceQuery = z.strictObject({
  /** `YYYY-Qn`, `YYYY` or `YYYY-MM`. */
  period: PeriodOrMonth,
  /** One person's compliance over all the accounts they held; without it, per key account. */
  staffId: Id.optional(),
  ...PageQuery,
});

export const BodyCadence = z.object({
  body: z.enum(['leadership', 'contact_leaders', 'coordination_group']),
  meetingType: MeetingType,
  required: Count,
  held: Count,
  missing: Count,
  /** Active members of the body who attended fewer of these meetings than were due. */
  absent: z.array(Id).max(listCap),
});

export const Compliance = z
  .object({
    period: PeriodOrMonth,
    /** Per person: one view per role they held in the period (with `staffId`). */
    people: z.array(ComplianceView).max(2),
    /** Per key account and responsible person (without `staffId`), a page of accounts at a time. */
    accounts: z
      .array(
        z.object({
          accountId: Id,
          name: LineOut(200),
          rows: z.array(ComplianceView).max(listCap),
          /** The account plan (一企一策) of the period's year: the approved version in force, or null when none is approved. */
          plan: z.object({ year: YearOut, approved: z.boolean(), inForce: z.nullable(Int(1, 99_999_999)) }),
        }),
      )
      .max(maxPage),
    /** Meeting cadence per body: leadership each half year, contact leaders each quarter, coordination each month, the executive forum each year. */
    bodies: z.array(BodyCadence).max(4),
    nextCursor: Cursor.nullable(),
  })
  .meta({ id: 'Compliance' });

export const Alert = z
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
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof Alert>;
export const AlertsQuery = z.strictObject({ staffId: Id, month: Month.optional() });
export const AlertPage = page(Alert).meta({ id: 'AlertPage' });
