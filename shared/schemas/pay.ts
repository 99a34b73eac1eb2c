import * as z from 'zod';
import { BulletinLoyalty } from '#shared/schemas/loyalty.ts';
import { type PayPolicy, rateText, tierNames } from '#shared/domain/pay/policy.ts';
import { compare, isDecimal, parseDecimal } from '#shared/domain/pay/rational.ts';
import type { Statement as DomainStatement } from '#shared/domain/pay/statement.ts';
import {
  Count,
  Cursor,
  Fen,
  Id,
  Int,
  IsoDate,
  Line,
  LineOut,
  PageQuery,
  PayPeriod,
  Score,
  SignedFen,
  Text,
  TextOut,
  Timestamp,
  Version,
  Year,
  YearOut,
  decimalPlaces,
  maxPage,
  page,
  Problem,
} from '#shared/schemas/common.ts';
import { AccountRow, Component } from '#shared/schemas/compliance.ts';
import { ForcedFinalize } from '#shared/schemas/pay-desk.ts';
import { msg, saying } from '#shared/messages/index.ts';

export { PayPeriod };
export const YearParams = z.strictObject({ year: Year });
export const PeriodParams = z.strictObject({ period: PayPeriod });
export const StatementParams = z.strictObject({ period: PayPeriod, staffId: Id });

/* The pay policy (pay.md, "The pay policy"). */

/** Rates have at most 6 integer digits and 6 decimal places, as a decimal string or a JSON number. */
const rateDigits = 6;
const ratePattern = `^\\d{1,${rateDigits}}(\\.\\d{1,${rateDigits}})?$`;
const rateMax = 10 ** rateDigits - 10 ** -rateDigits;

interface RateBounds {
  /** Must be more than 0. */
  positive?: boolean;
  max?: string;
}

/** Checked in one refine, so a bad rate gets one message; the OpenAPI document states both forms. */
const rate = (bounds: RateBounds = {}) =>
  z
    .union([
      z.number().meta({ minimum: 0, maximum: bounds.max === undefined ? rateMax : Number(bounds.max), description: `At most ${rateDigits} decimal places` }),
      z.string().meta({ maxLength: 2 * rateDigits + 1, pattern: ratePattern }),
    ])
    .superRefine((value, ctx) => {
      const text = rateText(value);
      if (text.length > 24 || !isDecimal(text) || text.startsWith('-')) {
        ctx.addIssue({ code: 'custom', ...saying(msg('field.rate')) });
        return;
      }
      const [whole = '', fraction = ''] = text.split('.');
      if (fraction.length > rateDigits || (typeof value === 'number' && decimalPlaces(value) > rateDigits)) {
        ctx.addIssue({ code: 'custom', ...saying(msg('field.decimalPlaces', { places: rateDigits })) });
        return;
      }
      if (whole.length > rateDigits) {
        ctx.addIssue({ code: 'custom', ...saying(msg('field.lessThan', { limit: 10 ** rateDigits })) });
        return;
      }
      const exact = parseDecimal(text);
      if (bounds.positive === true && exact.n === 0n) ctx.addIssue({ code: 'custom', ...saying(msg('field.moreThan', { limit: 0 })) });
      if (bounds.max !== undefined && compare(exact, parseDecimal(bounds.max)) > 0) ctx.addIssue({ code: 'custom', ...saying(msg('field.atMost', { limit: bounds.max })) });
    });

const PolicyCount = Int(0, 1000);
const Grade = Line(20);

const GradeBody = z.strictObject({
  grade: Grade,
  monthlyBase: Fen,
  quarterlyPerformanceBase: Fen,
  annualPerformanceBase: Fen,
});

const TierBody = z.strictObject({ tier: z.enum(tierNames), minimum: rate(), coefficient: rate() });

/**
 * The four tiers in order, the first from 0, minimums strictly ascending; coefficients
 * non-negative and never falling, so a better tier never pays less.
 */
const Tiers = z
  .array(TierBody)
  .length(tierNames.length)
  .meta({ minItems: tierNames.length, maxItems: tierNames.length })
  .superRefine((tiers, ctx) => {
    tiers.forEach((t, i) => {
      if (t.tier !== tierNames[i]) ctx.addIssue({ code: 'custom', path: [i, 'tier'], ...saying(msg('field.tier', { tier: String(tierNames[i]) })) });
    });
    const ok = tiers.every((t) => isDecimal(rateText(t.minimum)) && isDecimal(rateText(t.coefficient)));
    if (!ok) return; // the rate schema has reported these
    const first = tiers[0];
    if (first !== undefined && parseDecimal(rateText(first.minimum)).n !== 0n) ctx.addIssue({ code: 'custom', path: [0, 'minimum'], ...saying(msg('field.mustBe', { value: '0' })) });
    for (let i = 1; i < tiers.length; i++) {
      const prev = tiers[i - 1];
      const t = tiers[i];
      if (prev === undefined || t === undefined) continue;
      if (compare(parseDecimal(rateText(t.minimum)), parseDecimal(rateText(prev.minimum))) <= 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'minimum'], ...saying(msg('field.tierMinimum', { tier: prev.tier })) });
      }
      if (compare(parseDecimal(rateText(t.coefficient)), parseDecimal(rateText(prev.coefficient))) < 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'coefficient'], ...saying(msg('field.tierCoefficient', { tier: prev.tier })) });
      }
    }
  });

/** Body of `PUT /v1/pay-policies/{year}` (api.md, "Pay"): only grades are required; nested settings may be partial. */
export const PayPolicyBody = z.strictObject({
  grades: z
    .array(GradeBody)
    .min(1)
    .max(200)
    .refine((grades) => new Set(grades.map((g) => g.grade)).size === grades.length, saying(msg('field.noRepeatGrade'))),
  tiers: Tiers.optional(),
  weights: z
    .strictObject({ contract: rate({ positive: true }).optional(), collection: rate({ positive: true }).optional(), management: rate({ positive: true }).optional() })
    .optional(),
  attainmentCap: rate({ positive: true }).optional(),
  visitRules: z.strictObject({ contactLeaderPerYear: PolicyCount.optional(), salesManagerPerMonth: PolicyCount.optional() }).optional(),
  reportRules: z.strictObject({ salesManagerPerMonth: PolicyCount.optional() }).optional(),
  peerScore: z.strictObject({ threshold: rate({ max: '100' }).optional() }).optional(),
  team: z
    .strictObject({
      quarterlyPool: Fen.optional(),
      annualPool: Fen.optional(),
      topShare: rate({ max: '1' }).optional(),
      topWeight: rate({ positive: true }).optional(),
    })
    .optional(),
});

/** A rate as stored and returned: a decimal string. */
const Rate = z.string().max(24).regex(/^\d+(\.\d+)?$/);
/** A policy as stored and returned: rates as decimal strings. */
export const PayPolicySettings = z.object({
  tiers: z.array(z.object({ tier: z.enum(tierNames), minimum: Rate, coefficient: Rate })).max(tierNames.length),
  weights: z.object({ contract: Rate, collection: Rate, management: Rate }),
  attainmentCap: Rate,
  visitRules: z.object({ contactLeaderPerYear: PolicyCount, salesManagerPerMonth: PolicyCount }),
  reportRules: z.object({ salesManagerPerMonth: PolicyCount }),
  peerScore: z.object({ threshold: Rate }),
  team: z.object({ quarterlyPool: Fen, annualPool: Fen, topShare: Rate, topWeight: Rate }),
  grades: z.array(z.object({ grade: LineOut(20), monthlyBase: Fen, quarterlyPerformanceBase: Fen, annualPerformanceBase: Fen })).max(200),
});

export const StoredPayPolicy = PayPolicySettings.extend({ year: YearOut, version: Version, updatedBy: Id, updatedAt: Timestamp }).meta({ id: 'PayPolicy' });
export type StoredPayPolicy = PayPolicy & { year: number; version: number; updatedBy: string; updatedAt: string };

/** A ratio rounded half-up to 4 places (api.md "Conventions"). */
const Ratio = z.string().max(24).regex(/^\d+\.\d{4}$/);
const Department = Line(100);
const Comment = Text(2000);
export const PeerScoreBody = z
  .strictObject({ period: PayPeriod, targetStaffId: Id.optional(), targetDepartment: Department.optional(), score: Score, comment: Comment.optional() })
  .refine((b) => (b.targetStaffId === undefined) !== (b.targetDepartment === undefined), { ...saying(msg('field.exactlyOneOf', { names: ['targetStaffId', 'targetDepartment'] })), path: ['targetStaffId'] });
export type PeerScoreInput = z.infer<typeof PeerScoreBody>;
export const PeerScoreParams = z.strictObject({ period: PayPeriod, targetType: z.enum(['staff', 'department']), target: Line(100) });
export const PeerScorePatchBody = z.strictObject({ score: Score, comment: Comment.optional() });
export const PeerScore = z
  .object({
    period: PayPeriod,
    targetType: z.enum(['staff', 'department']),
    target: LineOut(100),
    scorerId: Id,
    score: Score,
    comment: TextOut(2000).nullable(),
    version: Version,
    scoredAt: Timestamp,
  })
  .meta({ id: 'PeerScore' });
export type PeerScore = z.infer<typeof PeerScore>;
/** Everyone in the company may score a target once a period. */
const peerScoreCap = 100_000;
export const PeerScoresQuery = z
  .strictObject({ period: PayPeriod, targetStaffId: Id.optional(), targetDepartment: Department.optional() })
  .refine((q) => (q.targetStaffId === undefined) !== (q.targetDepartment === undefined), { ...saying(msg('field.exactlyOneOf', { names: ['targetStaffId', 'targetDepartment'] })), path: ['targetStaffId'] });
export const PeerScoreSummary = z
  .object({ period: PayPeriod, targetType: z.enum(['staff', 'department']), target: LineOut(100), count: Count, average: Ratio.nullable(), scores: z.array(PeerScore).max(peerScoreCap) })
  .meta({ id: 'PeerScoreSummary' });

const Tier = z.enum(tierNames);
const AccountRole = z.enum(['contact_leader', 'sales_manager']);
/** Explanation lines name accounts, amounts and rates; one line each. */
const Explanation = z.array(LineOut(2000)).max(10_000);
/** Documented bounds of server-built lists (the accounts a person held in a period, the team). */
const listCap = 10_000;
const Components = z.object({ contract: Ratio.optional(), collection: Ratio.optional(), management: Ratio.optional() });

/** One role's assessment on a statement, as assessment.ts's AssessmentView. */
const Assessment = z.object({
  role: AccountRole,
  ratio: Ratio,
  tier: Tier,
  /** The tier's coefficient as written in the policy ("1.2"). */
  coefficient: Rate,
  demoted: z.boolean(),
  demotionReason: LineOut(2000).optional(),
  components: Components,
  managementParts: z.object({ visits: Ratio.optional(), reports: Ratio.optional(), meetings: Ratio.optional() }),
  contractTargetAmount: Fen,
  collectionTargetAmount: Fen,
  contractCreditAmount: Fen,
  collectionCreditAmount: Fen,
  visits: Component,
  reports: Component.optional(),
  meetings: Component.optional(),
  peerScore: z.object({ average: Ratio, count: Count }).optional(),
  performancePay: Fen,
  accounts: z
    .array(AccountRow.extend({ contractTargetAmount: Fen, collectionTargetAmount: Fen, contractCreditAmount: Fen, collectionCreditAmount: Fen }))
    .max(listCap),
  explanation: Explanation,
});
/** A record that came in after its period was finalised (adjustments.ts LateRecord). */
const LateRecordOut = z.object({ kind: z.enum(['payment', 'project', 'visit', 'report', 'meeting', 'peer-score']), id: LineOut(200), date: LineOut(10), recordedAt: Timestamp });
const Change = z.object({
  role: AccountRole,
  ratioBefore: Ratio.nullable(),
  ratioAfter: Ratio.nullable(),
  tierBefore: Tier.nullable(),
  tierAfter: Tier.nullable(),
  performancePayBefore: Fen,
  performancePayAfter: Fen,
});
/**
 * An adjustment a statement adds to its own pay: `prior_period` for a finalised period
 * re-priced because of late records (with those records and the change they made),
 * `manual` for one made by hand. `amount` is signed fen.
 */
export const StatementAdjustment = z
  .object({
    kind: z.enum(['prior_period', 'manual']),
    period: PayPeriod.optional(),
    amount: SignedFen,
    reason: LineOut(20_000),
    records: z.array(LateRecordOut).max(listCap).optional(),
    changes: z.array(Change).max(2).optional(),
    /** What the period paid when finalised, what later periods carried for it since, and what it pays now (fen). */
    paidAmount: Fen.optional(),
    carriedAmount: SignedFen.optional(),
    repricedAmount: Fen.optional(),
    /** A manual adjustment's own id, category and second approver. */
    id: Id.optional(),
    category: LineOut(40).optional(),
    approvedBy: Id.optional(),
  })
  .meta({ id: 'StatementAdjustment' });

export const Statement = z
  .object({
    staffId: Id,
    period: PayPeriod,
    version: Version,
    status: z.enum(['draft', 'final']),
    grade: LineOut(20),
    basePay: Fen,
    performancePay: Fen,
    teamShare: Fen,
    /** basePay + performancePay + teamShare + Σ adjustments' amounts. */
    total: SignedFen,
    assessments: z.array(Assessment).max(2),
    adjustments: z.array(StatementAdjustment).max(100),
    explanation: Explanation,
    closedAt: Timestamp,
  })
  .meta({ id: 'Statement' });
/** A statement as the close computed it (statement.ts), with its version and status. */
export type StoredStatement = DomainStatement & { version: number; status: 'draft' | 'final'; closedAt: string };
/** One statement with the totals of its earlier versions. */
export const StatementWithVersions = Statement.extend({ versions: z.array(z.object({ version: Version, total: SignedFen, closedAt: Timestamp })).max(listCap) }).meta({ id: 'StatementWithVersions' });
export const StatementPage = page(Statement).meta({ id: 'StatementPage' });

export const PeriodState = z
  .object({
    period: PayPeriod,
    status: z.enum(['draft', 'final']),
    /** Goes up whenever a close changes any statement. */
    version: Version,
    closedAt: Timestamp,
    finalizedAt: Timestamp.nullable(),
    finalizedBy: Id.nullable(),
    /** A finalise forced past open inquiries: why, by whom, how many were open. */
    forced: ForcedFinalize.nullable().optional(),
    /** When the close that made the current statements started: later records are late for this period. */
    closeStartedAt: Timestamp.optional(),
    /** The finalised periods this period's close re-priced for late records. */
    repricedPeriods: z.array(PayPeriod).max(8).optional(),
  })
  .meta({ id: 'PeriodState' });
export type PeriodState = z.infer<typeof PeriodState>;
/** The close's reply: the period, how many statements changed, and the first page of statements (GET …/statements pages on). */
export const CloseResult = PeriodState.extend({
  changed: Count,
  statementCount: Count,
  statements: z.array(Statement).max(maxPage),
  nextCursor: Cursor.nullable(),
}).meta({ id: 'CloseResult' });

/** A close run's id: the UUID the route or the schedule's plan step gave it (also its Step Functions execution name). */
export const RunId = z.uuid().meta({ minLength: 36, maxLength: 36 });
export const CloseRunParams = z.strictObject({ period: PayPeriod, runId: RunId });

/** What a run keeps of a done close: the period's state and the counts (the statements are the period's own items). */
export const CloseSummary = PeriodState.extend({ changed: Count, statementCount: Count });
export type CloseSummary = z.infer<typeof CloseSummary>;

/** Why a run failed: the problem the close met (its type URI, title, status, detail and field errors), as a 4xx/5xx reply would say it. */
export const CloseRunProblem = Problem.extend({ type: z.url().max(200) }).meta({ id: 'CloseRunProblem' });

/**
 * One run of the period close (api.md): `running`, then `done` with the close's result
 * (the period's state, the counts and the first page of its statements as they are now),
 * or `failed` with the reason as a problem.
 */
export const CloseRun = z
  .object({
    runId: RunId,
    period: PayPeriod,
    status: z.enum(['running', 'done', 'failed']),
    startedAt: Timestamp,
    startedBy: LineOut(64),
    finishedAt: Timestamp.nullable(),
    result: CloseResult.nullable(),
    reason: CloseRunProblem.nullable(),
  })
  .meta({ id: 'CloseRun' });
export type CloseRun = z.infer<typeof CloseRun>;

/** A run as stored: the result without its statements, the reason in both languages. */
export const StoredCloseRun = CloseRun.omit({ result: true, reason: true }).extend({
  result: CloseSummary.nullable(),
  reason: z.object({ en: CloseRunProblem, zh: CloseRunProblem }).nullable(),
});
export type StoredCloseRun = z.infer<typeof StoredCloseRun>;

const BulletinAccount = z.object({
  accountId: Id, name: LineOut(200), contractTargetAmount: Fen, contractCreditAmount: Fen,
  collectionTargetAmount: Fen, collectionCreditAmount: Fen,
  contractAttainment: Ratio.nullable(), collectionAttainment: Ratio.nullable(), visitCompliance: Ratio.nullable(),
  /** Satisfaction, complaints and health (issue 13), read when the bulletin is served. */
  loyalty: BulletinLoyalty.optional(),
});
const BulletinPerson = z.object({ rank: Int(1, Number.MAX_SAFE_INTEGER), staffId: Id, name: LineOut(100), roles: z.array(AccountRole).max(2), ratio: Ratio, tier: Tier, total: SignedFen });
/** The team bonus as team.ts's TeamResult. */
export const BulletinTeam = z.object({
  period: PayPeriod,
  ratio: Ratio,
  tier: Tier,
  coefficient: Rate,
  components: Components,
  contractTargetAmount: Fen,
  collectionTargetAmount: Fen,
  contractCreditAmount: Fen,
  collectionCreditAmount: Fen,
  poolBaseAmount: Fen,
  poolAmount: Fen,
  members: z.array(z.object({ staffId: Id, rank: Int(1, Number.MAX_SAFE_INTEGER), ratio: Ratio, weight: Rate, teamShare: Fen })).max(listCap),
  explanation: Explanation,
});
/** The whole bulletin as the close computes it; it is kept as one item per row, so it has no size limit. */
export interface Bulletin {
  period: string;
  version: number;
  accounts: z.infer<typeof BulletinAccount>[];
  people: z.infer<typeof BulletinPerson>[];
  team: Record<string, unknown>;
}
export const BulletinQuery = z.strictObject({ section: z.enum(['accounts', 'people']).default('accounts'), ...PageQuery });
/** One page of one section of the bulletin, with the team's result. */
export const BulletinPage = z
  .object({
    period: PayPeriod,
    version: Version,
    team: BulletinTeam,
    accountCount: Count,
    peopleCount: Count,
    section: z.enum(['accounts', 'people']),
    items: z.array(z.union([BulletinAccount, BulletinPerson])).max(maxPage),
    nextCursor: Cursor.nullable(),
  })
  .meta({ id: 'Bulletin' });

export const TalentEntry = z
  .object({ year: YearOut, staffId: Id, name: LineOut(100), annualTier: Tier, suggestedGrade: z.enum(['A', 'B', 'C', 'D']), confirmedGrade: z.enum(['A', 'B', 'C', 'D']).nullable(), confirmedBy: Id.nullable(), certification: z.object({ level: z.enum(['junior', 'intermediate', 'senior']), awardedOn: IsoDate }).nullable(), version: Version })
  .meta({ id: 'TalentEntry' });
export type TalentEntry = z.infer<typeof TalentEntry>;
export const TalentQuery = z.strictObject({ year: Year });
export const TalentParams = z.strictObject({ year: Year, staffId: Id });
/** The payroll spreadsheet: one row per person, no control characters but line ends. */
export const PayrollCsv = z.string().max(100_000_000).regex(/^[^\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]*$/);
/** A query-string count: at most `max` (fen up to 10^13, i.e. 100 billion yuan; visits up to 10,000). */
const QueryCount = (max: number) => z.coerce.number().int().min(0).max(max).meta({ format: max > 2 ** 31 ? 'int64' : 'int32' });
export const EstimateQuery = z.strictObject({
  staffId: Id,
  addContractAmount: QueryCount(10_000_000_000_000).optional(),
  addCollectionAmount: QueryCount(10_000_000_000_000).optional(),
  addVisits: QueryCount(10_000).optional(),
});
const Position = z.object({ ratio: Ratio, tier: Tier, coefficient: Rate, demoted: z.boolean(), components: Components, performancePay: Fen });
/**
 * What-if: a person's position in an open period now, per role, as the close would price
 * it on today's data; the least of each lever alone that reaches the next tier (null where
 * that lever cannot: the cap, no target, nothing required; the whole object null at the top
 * tier); and with the additions asked for, the position they would give. The team share
 * is not estimated: it needs the whole team (`teamShareEstimated` is always false).
 */
export const Estimate = z
  .object({
    period: PayPeriod,
    staffId: Id,
    /** The day imagined records fall on: today, or the period's last day once it has ended. */
    on: IsoDate,
    addContractAmount: Fen.optional(),
    addCollectionAmount: Fen.optional(),
    addVisits: Count.optional(),
    teamShareEstimated: z.literal(false),
    assessments: z
      .array(
        Position.extend({
          role: AccountRole,
          contractCreditAmount: Fen,
          collectionCreditAmount: Fen,
          visits: Component,
          toNextTier: z.object({ tier: Tier, minimum: Rate, contractAmount: Fen.nullable(), collectionAmount: Fen.nullable(), visits: Count.nullable() }).nullable(),
          whatIf: Position.nullable(),
        }),
      )
      .max(2),
  })
  .meta({ id: 'Estimate' });

export const TalentConfirmBody = z.strictObject({ grade: z.enum(['A', 'B', 'C', 'D']) });
