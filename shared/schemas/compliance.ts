import * as z from 'zod';
import { Id, IsoDate, PageQuery, page } from '#shared/schemas/common.ts';
import { Month } from '#shared/schemas/upkeep.ts';

const Ratio = z.string().regex(/^\d+\.\d{4}$/);
const Component = z.object({ required: z.number().int(), done: z.number().int(), counted: z.number().int(), missing: z.number().int(), ratio: Ratio.nullable() });
const AccountRow = z.object({
  accountId: Id,
  held: z.array(z.object({ from: IsoDate, to: IsoDate })),
  heldDays: z.number().int(),
  f: Ratio,
  visitsRequired: z.number().int(),
  visitsDone: z.number().int(),
  visitsMissing: z.number().int(),
  reportsRequired: z.number().int().optional(),
  reportsDone: z.number().int().optional(),
  reportsMissing: z.number().int().optional(),
  monthsWithoutReport: z.array(Month).optional(),
});
export const ComplianceView = z
  .object({
    staffId: Id,
    role: z.enum(['contact_leader', 'sales_manager']),
    period: z.string(),
    accounts: z.array(AccountRow),
    visits: Component,
    reports: Component.optional(),
    meetings: Component.optional(),
    management: Ratio.nullable(),
    explanation: z.array(z.string()),
  })
  .meta({ id: 'ComplianceView' });

export const ComplianceQuery = z.strictObject({
  /** `YYYY-Qn`, `YYYY` or `YYYY-MM`. */
  period: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'must be a period YYYY-Qn, YYYY or YYYY-MM'),
  /** One person's compliance over all the accounts they held; without it, per key account. */
  staffId: Id.optional(),
  ...PageQuery,
});

export const BodyCadence = z.object({
  body: z.enum(['leadership', 'contact_leaders', 'coordination_group']),
  meetingType: z.string(),
  required: z.number().int(),
  held: z.number().int(),
  missing: z.number().int(),
  /** Active members of the body who attended fewer of these meetings than were due. */
  absent: z.array(Id),
});

export const Compliance = z
  .object({
    period: z.string(),
    /** Per person: one view per role they held in the period (with `staffId`). */
    people: z.array(ComplianceView),
    /** Per key account and responsible person (without `staffId`), a page of accounts at a time. */
    accounts: z.array(z.object({ accountId: Id, name: z.string(), rows: z.array(ComplianceView) })),
    /** Meeting cadence per body: leadership each half year, contact leaders each quarter, coordination each month. */
    bodies: z.array(BodyCadence),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'Compliance' });

export const Alert = z
  .object({
    staffId: Id,
    month: Month,
    accountId: Id,
    kind: z.enum(['visits', 'reports']),
    required: z.number().int(),
    done: z.number().int(),
    missing: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof Alert>;
export const AlertsQuery = z.strictObject({ staffId: Id, month: Month.optional() });
export const AlertPage = page(Alert).meta({ id: 'AlertPage' });
