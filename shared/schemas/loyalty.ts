import * as z from 'zod/mini';
import { healthParts, severities } from '#shared/domain/loyalty/policy.ts';
import { Count, Cursor, Fen, Id, Int, IsoDate, Line, LineOut, PageQuery, PayPeriod, Text, TextOut, Timestamp, Version, Year, YearOut, page } from '#shared/schemas/common.ts';
import { msg, saying, schemaText } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/*
 * Loyalty, part 2 (issue 13; domain.md §4; paper §4.2, §4.5–§4.7). Written in the
 * functional forms classic zod and zod/mini share, so only the import changes later.
 */

const distinct = <T>(list: readonly T[]) => new Set(list).size === list.length;
const Ratio = /* @__PURE__ */ built(() => z.string().check(z.maxLength(24), z.regex(/^\d+\.\d{4}$/)));
/** A quarter `YYYY-Qn`: surveys are quarterly. */
export const Quarter = /* @__PURE__ */ built(() => z.string().check(z.regex(/^\d{4}-Q[1-4]$/, schemaText(msg(M.field_periodShapes, { shapes: ['YYYY-Qn'] })))).register(z.globalRegistry, { maxLength: 7 }));
export const YearParams = /* @__PURE__ */ z.strictObject({ year: Year });
export const IdParams = /* @__PURE__ */ z.strictObject({ id: Id });

/* ---------- the holiday calendar and the policy ---------- */

const Dates = (max: number) => z.array(IsoDate).check(z.maxLength(max), z.refine(distinct, saying(msg(M.field_noRepeat, {}))));

export const HolidayCalendar = /* @__PURE__ */ built(() => z
  .object({ year: YearOut, holidays: z.array(IsoDate).check(z.maxLength(60)), workdays: z.array(IsoDate).check(z.maxLength(30)), setBy: Id, setAt: Timestamp, version: Version })
  .register(z.globalRegistry, { id: 'HolidayCalendar' }));
export type HolidayCalendarRecord = z.infer<typeof HolidayCalendar>;
export const HolidayCalendarBody = /* @__PURE__ */ built(() => z.strictObject({ holidays: Dates(60), workdays: z.optional(Dates(30)) }));
export type HolidayCalendarInput = z.infer<typeof HolidayCalendarBody>;

const DeadlineDays = /* @__PURE__ */ built(() => z
  .strictObject({ acknowledge: Int(1, 60), reportBack: Int(1, 250) })
  .check(z.refine((d) => d.acknowledge <= d.reportBack, { ...saying(msg(M.field_notAfterField, { other: 'reportBack' })), path: ['acknowledge'] })));
const Deadlines = /* @__PURE__ */ z.object({ low: DeadlineDays, medium: DeadlineDays, high: DeadlineDays, critical: DeadlineDays });
const Weight = /* @__PURE__ */ Int(0, 100);
const Weights = /* @__PURE__ */ built(() => z.object(Object.fromEntries(healthParts.map((p) => [p, Weight])) as Record<(typeof healthParts)[number], typeof Weight>));

export const LoyaltyPolicy = /* @__PURE__ */ built(() => z
  .object({ year: YearOut, deadlines: Deadlines, pilotKeyAccountDays: Int(0, 365), healthWeights: Weights, version: Version })
  .register(z.globalRegistry, { id: 'LoyaltyPolicy' }));
export type LoyaltyPolicyRecord = z.infer<typeof LoyaltyPolicy>;
export const LoyaltyPolicyBody = /* @__PURE__ */ built(() => z.strictObject({
  deadlines: z.optional(z.strictObject({ low: z.optional(DeadlineDays), medium: z.optional(DeadlineDays), high: z.optional(DeadlineDays), critical: z.optional(DeadlineDays) })),
  pilotKeyAccountDays: z.optional(Int(0, 365)),
  healthWeights: z.optional(
    z
      .strictObject(Object.fromEntries(healthParts.map((p) => [p, Weight])) as Record<(typeof healthParts)[number], typeof Weight>)
      .check(z.refine((w) => Object.values(w).some((v) => v > 0), saying(msg(M.field_someWeight)))),
  ),
}));
export type LoyaltyPolicyInput = z.infer<typeof LoyaltyPolicyBody>;

/* ---------- feedback: suggestions and complaints (§4.6) ---------- */

export const Severity = /* @__PURE__ */ z.enum(severities);
export const FeedbackKind = /* @__PURE__ */ z.enum(['suggestion', 'complaint']);
export const FeedbackStatus = /* @__PURE__ */ z.enum(['received', 'acknowledged', 'rectifying', 'rectified', 'reported_back', 'closed']);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;
export const StepName = /* @__PURE__ */ z.enum(['received', 'acknowledged', 'rectifying', 'rectified', 'reported_back', 'closed', 'reopened']);
export type StepName = z.infer<typeof StepName>;
const Rating = /* @__PURE__ */ Int(1, 5);

export const RectificationPlan = /* @__PURE__ */ built(() => z.object({ actions: z.array(TextOut(1000)).check(z.maxLength(20)), ownerId: Id, dueOn: IsoDate }).register(z.globalRegistry, { id: 'RectificationPlan' }));
export const FeedbackStep = /* @__PURE__ */ built(() => z.object({ step: StepName, on: IsoDate, by: Id, at: Timestamp, note: z.nullable(TextOut(5000)) }).register(z.globalRegistry, { id: 'FeedbackStep' }));
export type FeedbackStep = z.infer<typeof FeedbackStep>;

const feedbackFields = /* @__PURE__ */ built(() => ({
  id: Id,
  accountId: Id,
  kind: FeedbackKind,
  severity: Severity,
  receivedOn: IsoDate,
  /** The customer's person who raised it (a stakeholder of the account). */
  stakeholderId: z.nullable(Id),
  department: z.nullable(LineOut(100)),
  projectId: z.nullable(Id),
  summary: LineOut(200),
  details: z.nullable(TextOut(5000)),
  status: FeedbackStatus,
  steps: z.array(FeedbackStep).check(z.maxLength(500)),
  /** The last day to acknowledge, and to report the result back (working days of the policy). */
  acknowledgeBy: IsoDate,
  reportBackBy: IsoDate,
  plan: z.nullable(RectificationPlan),
  result: z.nullable(TextOut(5000)),
  customerResponse: z.nullable(TextOut(5000)),
  satisfaction: z.nullable(Rating),
  recordedBy: Id,
  recordedAt: Timestamp,
  version: Version,
}));
export const Feedback = /* @__PURE__ */ built(() => z.object(feedbackFields).register(z.globalRegistry, { id: 'FeedbackRecord' }));
export type Feedback = z.infer<typeof Feedback>;

export const Overdue = /* @__PURE__ */ built(() => z.object({ stage: z.enum(['acknowledge', 'report_back']), dueOn: IsoDate, workingDaysLate: Count }).register(z.globalRegistry, { id: 'FeedbackOverdue' }));
export type Overdue = z.infer<typeof Overdue>;
/** Feedback as read: with what is overdue today, if anything. */
export const FeedbackView = /* @__PURE__ */ built(() => z.object({ ...feedbackFields, overdue: z.nullable(Overdue) }).register(z.globalRegistry, { id: 'Feedback' }));
export type FeedbackView = z.infer<typeof FeedbackView>;

export const FeedbackBody = /* @__PURE__ */ built(() => z.strictObject({
  kind: FeedbackKind,
  severity: Severity,
  receivedOn: IsoDate,
  stakeholderId: z.optional(Id),
  department: z.optional(Line(100)),
  projectId: z.optional(Id),
  summary: Line(200),
  details: z.optional(Text(5000)),
}));
export type FeedbackInput = z.infer<typeof FeedbackBody>;

/** One step; which fields it needs follows from the step (shared/domain/loyalty/feedback.ts). */
export const FeedbackStepBody = /* @__PURE__ */ built(() => z.strictObject({
  step: z.enum(['acknowledged', 'rectifying', 'rectified', 'reported_back', 'closed', 'reopened']),
  on: IsoDate,
  note: z.optional(Text(5000)),
  plan: z.optional(z.strictObject({ actions: z.array(Text(1000)).check(z.minLength(1), z.maxLength(20)), ownerId: Id, dueOn: IsoDate })),
  result: z.optional(Text(5000)),
  customerResponse: z.optional(Text(5000)),
  satisfaction: z.optional(Rating),
  reason: z.optional(Text(2000)),
}));
export type FeedbackStepInput = z.infer<typeof FeedbackStepBody>;

const AsOf = /* @__PURE__ */ z.optional(IsoDate);
export const ListFeedbackQuery = /* @__PURE__ */ built(() => z.strictObject({ overdue: z.optional(z.enum(['true'])), asOf: AsOf, ...PageQuery }));
export const ListAccountFeedbackQuery = /* @__PURE__ */ built(() => z.strictObject({ status: z.optional(FeedbackStatus), asOf: AsOf, ...PageQuery }));
export const FeedbackPage = /* @__PURE__ */ built(() => page(FeedbackView).register(z.globalRegistry, { id: 'FeedbackPage' }));

/* ---------- satisfaction surveys (§4) ---------- */

export const Survey = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    period: Quarter,
    stakeholderId: Id,
    surveyedOn: IsoDate,
    overall: Rating,
    product: Rating,
    service: Rating,
    responsiveness: Rating,
    comment: z.nullable(TextOut(2000)),
    /** Who held the account when the survey was taken: averages per sales manager follow it. */
    salesManagerId: z.nullable(Id),
    contactLeaderId: z.nullable(Id),
    recordedBy: Id,
    recordedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Survey' }));
export type Survey = z.infer<typeof Survey>;
export const SurveyBody = /* @__PURE__ */ built(() => z.strictObject({
  period: Quarter,
  stakeholderId: Id,
  surveyedOn: IsoDate,
  overall: Rating,
  product: Rating,
  service: Rating,
  responsiveness: Rating,
  comment: z.optional(Text(2000)),
}));
export type SurveyInput = z.infer<typeof SurveyBody>;
export const ListSurveysQuery = /* @__PURE__ */ built(() => z.strictObject({ period: z.optional(Quarter), ...PageQuery }));
export const SurveyPage = /* @__PURE__ */ built(() => page(Survey).register(z.globalRegistry, { id: 'SurveyPage' }));

const Averages = /* @__PURE__ */ z.object({ surveys: Count, overall: Ratio, product: Ratio, service: Ratio, responsiveness: Ratio });
export const SatisfactionSummary = /* @__PURE__ */ built(() => z
  .object({
    period: Quarter,
    accounts: z.array(z.object({ accountId: Id, ...Averages.shape })).check(z.maxLength(100_000)),
    salesManagers: z.array(z.object({ staffId: Id, ...Averages.shape })).check(z.maxLength(10_000)),
  })
  .register(z.globalRegistry, { id: 'SatisfactionSummary' }));
export const SatisfactionQuery = /* @__PURE__ */ z.strictObject({ period: Quarter });

/* ---------- pilots (§4.2) ---------- */

export const Adoption = /* @__PURE__ */ z.enum(['adopted', 'partly_adopted', 'not_adopted']);
export const PilotOutcome = /* @__PURE__ */ built(() => z.object({
  summary: TextOut(5000),
  adoption: Adoption,
  opportunityIds: z.array(Id).check(z.maxLength(50)),
  /** Contract amount of the projects won from those opportunities when the outcome was recorded. */
  revenueAmount: Fen,
  recordedOn: IsoDate,
  recordedBy: Id,
}));
export const Pilot = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    name: LineOut(200),
    description: TextOut(5000),
    department: LineOut(100),
    from: IsoDate,
    to: IsoDate,
    capacity: Int(1, 10_000),
    /** Last day of the key-account-first window (only key accounts enrolled until then). */
    keyAccountsOnlyUntil: IsoDate,
    enrolled: Count,
    outcome: z.nullable(PilotOutcome),
    openedBy: Id,
    openedAt: Timestamp,
    version: Version,
  })
  .register(z.globalRegistry, { id: 'Pilot' }));
export type Pilot = z.infer<typeof Pilot>;
export const PilotBody = /* @__PURE__ */ built(() => z
  .strictObject({ name: Line(200), description: Text(5000), department: Line(100), from: IsoDate, to: IsoDate, capacity: Int(1, 10_000) })
  .check(z.refine((b) => b.from <= b.to, { ...saying(msg(M.field_notAfterField, { other: 'to' })), path: ['from'] })));
export type PilotInput = z.infer<typeof PilotBody>;
export const PilotPage = /* @__PURE__ */ built(() => page(Pilot).register(z.globalRegistry, { id: 'PilotPage' }));
export const ListPilotsQuery = /* @__PURE__ */ z.strictObject({ ...PageQuery });

export const OfferAnswer = /* @__PURE__ */ z.enum(['accepted', 'declined', 'no_answer']);
export const PilotOffer = /* @__PURE__ */ built(() => z
  .object({ pilotId: Id, accountId: Id, offeredOn: IsoDate, answer: OfferAnswer, note: z.nullable(TextOut(2000)), offeredBy: Id, recordedAt: Timestamp })
  .register(z.globalRegistry, { id: 'PilotOffer' }));
export type PilotOffer = z.infer<typeof PilotOffer>;
export const OfferBody = /* @__PURE__ */ built(() => z.strictObject({ accountId: Id, offeredOn: IsoDate, answer: OfferAnswer, note: z.optional(Text(2000)) }));
export type OfferInput = z.infer<typeof OfferBody>;
export const OfferPage = /* @__PURE__ */ built(() => page(PilotOffer).register(z.globalRegistry, { id: 'PilotOfferPage' }));

export const Enrolment = /* @__PURE__ */ built(() => z
  .object({ pilotId: Id, accountId: Id, tier: z.enum(['normal', 'key']), enrolledOn: IsoDate, enrolledBy: Id, recordedAt: Timestamp })
  .register(z.globalRegistry, { id: 'PilotEnrolment' }));
export type Enrolment = z.infer<typeof Enrolment>;
export const EnrolmentBody = /* @__PURE__ */ z.strictObject({ accountId: Id, enrolledOn: IsoDate });
export const EnrolmentPage = /* @__PURE__ */ built(() => page(Enrolment).register(z.globalRegistry, { id: 'PilotEnrolmentPage' }));
export const OutcomeBody = /* @__PURE__ */ built(() => z.strictObject({
  summary: Text(5000),
  adoption: Adoption,
  opportunityIds: z.optional(z.array(Id).check(z.maxLength(50), z.refine(distinct, saying(msg(M.field_noRepeat, {}))))),
  recordedOn: IsoDate,
}));
export type OutcomeInput = z.infer<typeof OutcomeBody>;
export const NotOffered = /* @__PURE__ */ built(() => z
  .object({ pilotId: Id, accounts: z.array(z.object({ accountId: Id, name: LineOut(200) })).check(z.maxLength(200)), nextCursor: z.nullable(Cursor) })
  .register(z.globalRegistry, { id: 'PilotNotOffered' }));

/* ---------- customer incentives (§4.7) ---------- */

export const IncentiveKind = /* @__PURE__ */ z.enum(['discount', 'rebate', 'reward']);
export type IncentiveKind = z.infer<typeof IncentiveKind>;
export const Incentive = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    kind: IncentiveKind,
    /** A discount's rate in basis points (1 bp = 0.01 %). */
    rateBasisPoints: z.nullable(Int(1, 10_000)),
    amount: z.nullable(Fen),
    rule: z.nullable(TextOut(2000)),
    validFrom: IsoDate,
    validTo: IsoDate,
    description: TextOut(2000),
    status: z.enum(['proposed', 'approved']),
    proposedBy: Id,
    proposedAt: Timestamp,
    approvedBy: z.nullable(Id),
    approvedAt: z.nullable(Timestamp),
    version: Version,
  })
  .register(z.globalRegistry, { id: 'Incentive' }));
export type Incentive = z.infer<typeof Incentive>;
export const IncentiveBody = /* @__PURE__ */ built(() => z
  .strictObject({
    kind: IncentiveKind,
    rateBasisPoints: z.optional(Int(1, 10_000)),
    amount: z.optional(Int(1, Number.MAX_SAFE_INTEGER)),
    rule: z.optional(Text(2000)),
    validFrom: IsoDate,
    validTo: IsoDate,
    description: Text(2000),
  })
  .check(z.refine((b) => b.validFrom <= b.validTo, { ...saying(msg(M.field_notAfterField, { other: 'validTo' })), path: ['validFrom'] })));
export type IncentiveInput = z.infer<typeof IncentiveBody>;
/** The approved discount in force on a day (the opportunity and project views), or null. */
export const DiscountInForce = /* @__PURE__ */ built(() => z.nullable(
  z.object({ incentiveId: Id, rateBasisPoints: Int(1, 10_000), validFrom: IsoDate, validTo: IsoDate }).register(z.globalRegistry, { id: 'DiscountInForce' }),
));
export const IncentivePage = /* @__PURE__ */ built(() => page(Incentive).register(z.globalRegistry, { id: 'IncentivePage' }));
export const ListIncentivesQuery = /* @__PURE__ */ z.strictObject({ ...PageQuery });
export const IncentiveCostQuery = /* @__PURE__ */ z.strictObject({ year: Year });
export const IncentiveCost = /* @__PURE__ */ built(() => z
  .object({
    accountId: Id,
    year: YearOut,
    /** Contract amount of the account's projects won in the year. */
    contractAmount: Fen,
    costAmount: Fen,
    lines: z
      .array(z.object({ incentiveId: Id, kind: IncentiveKind, costAmount: z.nullable(Fen), basis: LineOut(500) }))
      .check(z.maxLength(1000)),
  })
  .register(z.globalRegistry, { id: 'IncentiveCost' }));

/* ---------- account health ---------- */

/** How a certification's satisfaction score came from the surveys (POST /v1/staff/{id}/certifications). */
export const SatisfactionDerivation = /* @__PURE__ */ built(() => z
  .object({
    from: IsoDate,
    to: IsoDate,
    surveys: Count,
    accountIds: z.array(Id).check(z.maxLength(10_000)),
    meanOverall: Ratio,
    /** Mean overall (1–5) × 20, to 2 places half up. */
    score: z.number().check(z.gte(0), z.lte(100)),
    explanation: LineOut(500),
  })
  .register(z.globalRegistry, { id: 'SatisfactionDerivation' }));
export type SatisfactionDerivation = z.infer<typeof SatisfactionDerivation>;

/** What the bulletin shows of an account's loyalty: its satisfaction, open and overdue complaints, and health. */
export const BulletinLoyalty = /* @__PURE__ */ built(() => z.object({
  satisfaction: z.nullable(z.object({ surveys: Count, overall: Ratio })),
  openComplaints: Count,
  overdueComplaints: Count,
  /** The health figure as last refreshed for the period (null before a refresh). */
  health: z.nullable(z.string().check(z.maxLength(8), z.regex(/^\d{1,3}\.\d{2}$/))),
}));
export type BulletinLoyalty = z.infer<typeof BulletinLoyalty>;

export const HealthPartName = /* @__PURE__ */ z.enum(healthParts);
export const HealthPart = /* @__PURE__ */ built(() => z
  .object({
    part: HealthPartName,
    weight: Count,
    /** The part's value 0–1, or null when there is nothing to measure (its weight then drops out). */
    value: z.nullable(Ratio),
    points: Ratio,
    explanation: LineOut(500),
  })
  .register(z.globalRegistry, { id: 'HealthPart' }));
export const Health = /* @__PURE__ */ built(() => z
  .object({
    accountId: Id,
    name: LineOut(200),
    period: PayPeriod,
    /** 0–100 to 2 places, half up: 100 × Σ weight × value ÷ Σ weight of the parts with a value. */
    score: z.string().check(z.maxLength(8), z.regex(/^\d{1,3}\.\d{2}$/)),
    parts: z.array(HealthPart).check(z.maxLength(20)),
    explanation: z.array(LineOut(500)).check(z.maxLength(20)),
  })
  .register(z.globalRegistry, { id: 'Health' }));
export type Health = z.infer<typeof Health>;
export const HealthQuery = /* @__PURE__ */ z.strictObject({ period: PayPeriod });
export const HealthRankQuery = /* @__PURE__ */ z.strictObject({ period: PayPeriod, ...PageQuery });
export const HealthPage = /* @__PURE__ */ built(() => page(Health).register(z.globalRegistry, { id: 'HealthPage' }));
export const HealthRefresh = /* @__PURE__ */ built(() => z.object({ period: PayPeriod, accounts: Count }).register(z.globalRegistry, { id: 'HealthRefresh' }));
export const PeriodParams = /* @__PURE__ */ z.strictObject({ period: PayPeriod });

/* ---------- the executive forum (§4.5) ---------- */

export const ForumCompliance = /* @__PURE__ */ built(() => z
  .object({
    year: YearOut,
    held: z.boolean(),
    forums: z.array(z.object({ meetingId: Id, heldOn: IsoDate, accountIds: z.array(Id).check(z.maxLength(200)), customerExecutiveIds: z.array(Id).check(z.maxLength(200)) })).check(z.maxLength(100)),
    /** Key accounts whose executives attended a forum of the year. */
    accountsAttended: z.array(Id).check(z.maxLength(100_000)),
  })
  .register(z.globalRegistry, { id: 'ForumCompliance' }));
export const ForumQuery = /* @__PURE__ */ z.strictObject({ year: Year });
