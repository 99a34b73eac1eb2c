import * as z from 'zod/mini';
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
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

export { PayPeriod };
export const YearParams = /* @__PURE__ */ z.strictObject({ year: Year });
export const PeriodParams = /* @__PURE__ */ z.strictObject({ period: PayPeriod });
export const StatementParams = /* @__PURE__ */ z.strictObject({ period: PayPeriod, staffId: Id });

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
      z.number().register(z.globalRegistry, { minimum: 0, maximum: bounds.max === undefined ? rateMax : Number(bounds.max), description: `At most ${rateDigits} decimal places` }),
      z.string().register(z.globalRegistry, { maxLength: 2 * rateDigits + 1, pattern: ratePattern }),
    ]).check(z.superRefine((value, ctx) => {
      const text = rateText(value);
      if (text.length > 24 || !isDecimal(text) || text.startsWith('-')) {
        ctx.addIssue({ code: 'custom', ...saying(msg(M.field_rate)) });
        return;
      }
      const [whole = '', fraction = ''] = text.split('.');
      if (fraction.length > rateDigits || (typeof value === 'number' && decimalPlaces(value) > rateDigits)) {
        ctx.addIssue({ code: 'custom', ...saying(msg(M.field_decimalPlaces, { places: rateDigits })) });
        return;
      }
      if (whole.length > rateDigits) {
        ctx.addIssue({ code: 'custom', ...saying(msg(M.field_lessThan, { limit: 10 ** rateDigits })) });
        return;
      }
      const exact = parseDecimal(text);
      if (bounds.positive === true && exact.n === 0n) ctx.addIssue({ code: 'custom', ...saying(msg(M.field_moreThan, { limit: 0 })) });
      if (bounds.max !== undefined && compare(exact, parseDecimal(bounds.max)) > 0) ctx.addIssue({ code: 'custom', ...saying(msg(M.field_atMost, { limit: bounds.max })) });
    }));

const PolicyCount = /* @__PURE__ */ Int(0, 1000);
const Grade = /* @__PURE__ */ Line(20);

const GradeBody = /* @__PURE__ */ z.strictObject({
  grade: Grade,
  monthlyBase: Fen,
  quarterlyPerformanceBase: Fen,
  annualPerformanceBase: Fen,
});

const TierBody = /* @__PURE__ */ built(() => z.strictObject({ tier: z.enum(tierNames), minimum: rate(), coefficient: rate() }));

/**
 * The four tiers in order, the first from 0, minimums strictly ascending; coefficients
 * non-negative and never falling, so a better tier never pays less.
 */
const Tiers = /* @__PURE__ */ built(() => z
  .array(TierBody).check(z.length(tierNames.length)).register(z.globalRegistry, { minItems: tierNames.length, maxItems: tierNames.length }).check(z.superRefine((tiers, ctx) => {
    tiers.forEach((t, i) => {
      if (t.tier !== tierNames[i]) ctx.addIssue({ code: 'custom', path: [i, 'tier'], ...saying(msg(M.field_tier, { tier: String(tierNames[i]) })) });
    });
    const ok = tiers.every((t) => isDecimal(rateText(t.minimum)) && isDecimal(rateText(t.coefficient)));
    if (!ok) return; // the rate schema has reported these
    const first = tiers[0];
    if (first !== undefined && parseDecimal(rateText(first.minimum)).n !== 0n) ctx.addIssue({ code: 'custom', path: [0, 'minimum'], ...saying(msg(M.field_mustBe, { value: '0' })) });
    for (let i = 1; i < tiers.length; i++) {
      const prev = tiers[i - 1];
      const t = tiers[i];
      if (prev === undefined || t === undefined) continue;
      if (compare(parseDecimal(rateText(t.minimum)), parseDecimal(rateText(prev.minimum))) <= 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'minimum'], ...saying(msg(M.field_tierMinimum, { tier: prev.tier })) });
      }
      if (compare(parseDecimal(rateText(t.coefficient)), parseDecimal(rateText(prev.coefficient))) < 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'coefficient'], ...saying(msg(M.field_tierCoefficient, { tier: prev.tier })) });
      }
    }
  })));

/** Body of `PUT /v1/pay-policies/{year}` (api.md, "Pay"): only grades are required; nested settings may be partial. */
export const PayPolicyBody = /* @__PURE__ */ built(() => z.strictObject({
  grades: z
    .array(GradeBody).check(z.minLength(1), z.maxLength(200), z.refine((grades) => new Set(grades.map((g) => g.grade)).size === grades.length, saying(msg(M.field_noRepeatGrade)))),
  tiers: z.optional(Tiers),
  weights: z.optional(z
    .strictObject({ contract: z.optional(rate({ positive: true })), collection: z.optional(rate({ positive: true })), management: z.optional(rate({ positive: true })) })),
  attainmentCap: z.optional(rate({ positive: true })),
  visitRules: z.optional(z.strictObject({ contactLeaderPerYear: z.optional(PolicyCount), salesManagerPerMonth: z.optional(PolicyCount) })),
  reportRules: z.optional(z.strictObject({ salesManagerPerMonth: z.optional(PolicyCount) })),
  peerScore: z.optional(z.strictObject({ threshold: z.optional(rate({ max: '100' })) })),
  team: z.optional(z
    .strictObject({
      quarterlyPool: z.optional(Fen),
      annualPool: z.optional(Fen),
      topShare: z.optional(rate({ max: '1' })),
      topWeight: z.optional(rate({ positive: true })),
    })),
}));

/** A rate as stored and returned: a decimal string. */
const Rate = /* @__PURE__ */ built(() => z.string().check(z.maxLength(24), z.regex(/^\d+(\.\d+)?$/)));
/** A policy as stored and returned: rates as decimal strings. */
export const PayPolicySettings = /* @__PURE__ */ built(() => z.object({
  tiers: z.array(z.object({ tier: z.enum(tierNames), minimum: Rate, coefficient: Rate })).check(z.maxLength(tierNames.length)),
  weights: z.object({ contract: Rate, collection: Rate, management: Rate }),
  attainmentCap: Rate,
  visitRules: z.object({ contactLeaderPerYear: PolicyCount, salesManagerPerMonth: PolicyCount }),
  reportRules: z.object({ salesManagerPerMonth: PolicyCount }),
  peerScore: z.object({ threshold: Rate }),
  team: z.object({ quarterlyPool: Fen, annualPool: Fen, topShare: Rate, topWeight: Rate }),
  grades: z.array(z.object({ grade: LineOut(20), monthlyBase: Fen, quarterlyPerformanceBase: Fen, annualPerformanceBase: Fen })).check(z.maxLength(200)),
}));

export const StoredPayPolicy = /* @__PURE__ */ built(() => z.extend(PayPolicySettings, { year: YearOut, version: Version, updatedBy: Id, updatedAt: Timestamp }).register(z.globalRegistry, { id: 'PayPolicy' }));
export type StoredPayPolicy = PayPolicy & { year: number; version: number; updatedBy: string; updatedAt: string };

/** A ratio rounded half-up to 4 places (api.md "Conventions"). */
const Ratio = /* @__PURE__ */ built(() => z.string().check(z.maxLength(24), z.regex(/^\d+\.\d{4}$/)));
const Department = /* @__PURE__ */ Line(100);
const Comment = /* @__PURE__ */ Text(2000);
export const PeerScoreBody = /* @__PURE__ */ built(() => z
  .strictObject({ period: PayPeriod, targetStaffId: z.optional(Id), targetDepartment: z.optional(Department), score: Score, comment: z.optional(Comment) }).check(z.refine((b) => (b.targetStaffId === undefined) !== (b.targetDepartment === undefined), { ...saying(msg(M.field_exactlyOneOf, { names: ['targetStaffId', 'targetDepartment'] })), path: ['targetStaffId'] })));
export type PeerScoreInput = z.infer<typeof PeerScoreBody>;
export const PeerScoreParams = /* @__PURE__ */ built(() => z.strictObject({ period: PayPeriod, targetType: z.enum(['staff', 'department']), target: Line(100) }));
export const PeerScorePatchBody = /* @__PURE__ */ built(() => z.strictObject({ score: Score, comment: z.optional(Comment) }));
export const PeerScore = /* @__PURE__ */ built(() => z
  .object({
    period: PayPeriod,
    targetType: z.enum(['staff', 'department']),
    target: LineOut(100),
    scorerId: Id,
    score: Score,
    comment: z.nullable(TextOut(2000)),
    version: Version,
    scoredAt: Timestamp,
  }).register(z.globalRegistry, { id: 'PeerScore' }));
export type PeerScore = z.infer<typeof PeerScore>;
/** Everyone in the company may score a target once a period. */
const peerScoreCap = 100_000;
export const PeerScoresQuery = /* @__PURE__ */ built(() => z
  .strictObject({ period: PayPeriod, targetStaffId: z.optional(Id), targetDepartment: z.optional(Department) }).check(z.refine((q) => (q.targetStaffId === undefined) !== (q.targetDepartment === undefined), { ...saying(msg(M.field_exactlyOneOf, { names: ['targetStaffId', 'targetDepartment'] })), path: ['targetStaffId'] })));
export const PeerScoreSummary = /* @__PURE__ */ built(() => z
  .object({ period: PayPeriod, targetType: z.enum(['staff', 'department']), target: LineOut(100), count: Count, average: z.nullable(Ratio), scores: z.array(PeerScore).check(z.maxLength(peerScoreCap)) }).register(z.globalRegistry, { id: 'PeerScoreSummary' }));

const Tier = /* @__PURE__ */ z.enum(tierNames);
const AccountRole = /* @__PURE__ */ z.enum(['contact_leader', 'sales_manager']);
/** Explanation lines name accounts, amounts and rates; one line each. */
const Explanation = /* @__PURE__ */ built(() => z.array(LineOut(2000)).check(z.maxLength(10_000)));
/** Documented bounds of server-built lists (the accounts a person held in a period, the team). */
const listCap = 10_000;
const Components = /* @__PURE__ */ built(() => z.object({ contract: z.optional(Ratio), collection: z.optional(Ratio), management: z.optional(Ratio) }));

/** One role's assessment on a statement, as assessment.ts's AssessmentView. */
const Assessment = /* @__PURE__ */ built(() => z.object({
  role: AccountRole,
  ratio: Ratio,
  tier: Tier,
  /** The tier's coefficient as written in the policy ("1.2"). */
  coefficient: Rate,
  demoted: z.boolean(),
  demotionReason: z.optional(LineOut(2000)),
  components: Components,
  managementParts: z.object({ visits: z.optional(Ratio), reports: z.optional(Ratio), meetings: z.optional(Ratio) }),
  contractTargetAmount: Fen,
  collectionTargetAmount: Fen,
  contractCreditAmount: Fen,
  collectionCreditAmount: Fen,
  visits: Component,
  reports: z.optional(Component),
  meetings: z.optional(Component),
  peerScore: z.optional(z.object({ average: Ratio, count: Count })),
  performancePay: Fen,
  accounts: z
    .array(z.extend(AccountRow, { contractTargetAmount: Fen, collectionTargetAmount: Fen, contractCreditAmount: Fen, collectionCreditAmount: Fen })).check(z.maxLength(listCap)),
  explanation: Explanation,
}));
/** A record that came in after its period was finalised (adjustments.ts LateRecord). */
const LateRecordOut = /* @__PURE__ */ built(() => z.object({ kind: z.enum(['payment', 'project', 'visit', 'report', 'meeting', 'peer-score', 'designation', 'assignment', 'targets']), id: LineOut(200), date: LineOut(10), recordedAt: Timestamp }));
const Change = /* @__PURE__ */ built(() => z.object({
  role: AccountRole,
  ratioBefore: z.nullable(Ratio),
  ratioAfter: z.nullable(Ratio),
  tierBefore: z.nullable(Tier),
  tierAfter: z.nullable(Tier),
  performancePayBefore: Fen,
  performancePayAfter: Fen,
}));
/**
 * An adjustment a statement adds to its own pay: `prior_period` for a finalised period
 * re-priced because of late records (with those records and the change they made),
 * `manual` for one made by hand. `amount` is signed fen.
 */
export const StatementAdjustment = /* @__PURE__ */ built(() => z
  .object({
    kind: z.enum(['prior_period', 'manual']),
    period: z.optional(PayPeriod),
    amount: SignedFen,
    reason: LineOut(20_000),
    records: z.optional(z.array(LateRecordOut).check(z.maxLength(listCap))),
    changes: z.optional(z.array(Change).check(z.maxLength(2))),
    /** What the period paid when finalised, what later periods carried for it since, and what it pays now (fen). */
    paidAmount: z.optional(Fen),
    carriedAmount: z.optional(SignedFen),
    repricedAmount: z.optional(Fen),
    /** A manual adjustment's own id, category and second approver. */
    id: z.optional(Id),
    category: z.optional(LineOut(40)),
    approvedBy: z.optional(Id),
  }).register(z.globalRegistry, { id: 'StatementAdjustment' }));

export const Statement = /* @__PURE__ */ built(() => z
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
    assessments: z.array(Assessment).check(z.maxLength(2)),
    adjustments: z.array(StatementAdjustment).check(z.maxLength(100)),
    explanation: Explanation,
    closedAt: Timestamp,
  }).register(z.globalRegistry, { id: 'Statement' }));
/** A statement as the close computed it (statement.ts), with its version and status. */
export type StoredStatement = DomainStatement & { version: number; status: 'draft' | 'final'; closedAt: string };
/** One statement with the totals of its earlier versions. */
export const StatementWithVersions = /* @__PURE__ */ built(() => z.extend(Statement, { versions: z.array(z.object({ version: Version, total: SignedFen, closedAt: Timestamp })).check(z.maxLength(listCap)) }).register(z.globalRegistry, { id: 'StatementWithVersions' }));
export const StatementPage = /* @__PURE__ */ built(() => page(Statement).register(z.globalRegistry, { id: 'StatementPage' }));

export const PeriodState = /* @__PURE__ */ built(() => z
  .object({
    period: PayPeriod,
    status: z.enum(['draft', 'final']),
    /** Goes up whenever a close changes any statement. */
    version: Version,
    closedAt: Timestamp,
    finalizedAt: z.nullable(Timestamp),
    finalizedBy: z.nullable(Id),
    /** A finalise forced past open inquiries: why, by whom, how many were open. */
    forced: z.optional(z.nullable(ForcedFinalize)),
    /** When the close that made the current statements started: later records are late for this period. */
    closeStartedAt: z.optional(Timestamp),
    /** The finalised periods this period's close re-priced for late records. */
    repricedPeriods: z.optional(z.array(PayPeriod).check(z.maxLength(8))),
  }).register(z.globalRegistry, { id: 'PeriodState' }));
export type PeriodState = z.infer<typeof PeriodState>;
/** The close's reply: the period, how many statements changed, and the first page of statements (GET …/statements pages on). */
export const CloseResult = /* @__PURE__ */ built(() => z.extend(PeriodState, {
  changed: Count,
  statementCount: Count,
  statements: z.array(Statement).check(z.maxLength(maxPage)),
  nextCursor: z.nullable(Cursor),
}).register(z.globalRegistry, { id: 'CloseResult' }));

/** A close run's id: the UUID the route or the schedule's plan step gave it (also its Step Functions execution name). */
export const RunId = /* @__PURE__ */ built(() => z.uuid().register(z.globalRegistry, { minLength: 36, maxLength: 36 }));
export const CloseRunParams = /* @__PURE__ */ z.strictObject({ period: PayPeriod, runId: RunId });

/** What a run keeps of a done close: the period's state and the counts (the statements are the period's own items). */
export const CloseSummary = /* @__PURE__ */ z.extend(PeriodState, { changed: Count, statementCount: Count });
export type CloseSummary = z.infer<typeof CloseSummary>;

/** Why a run failed: the problem the close met (its type URI, title, status, detail and field errors), as a 4xx/5xx reply would say it. */
export const CloseRunProblem = /* @__PURE__ */ built(() => z.extend(Problem, { type: z.url().check(z.maxLength(200)) }).register(z.globalRegistry, { id: 'CloseRunProblem' }));

/**
 * One run of the period close (api.md): `running`, then `done` with the close's result
 * (the period's state, the counts and the first page of its statements as they are now),
 * or `failed` with the reason as a problem.
 */
export const CloseRun = /* @__PURE__ */ built(() => z
  .object({
    runId: RunId,
    period: PayPeriod,
    status: z.enum(['running', 'done', 'failed']),
    startedAt: Timestamp,
    startedBy: LineOut(64),
    finishedAt: z.nullable(Timestamp),
    result: z.nullable(CloseResult),
    reason: z.nullable(CloseRunProblem),
  })
  .register(z.globalRegistry, { id: 'CloseRun' }));
export type CloseRun = z.infer<typeof CloseRun>;

/** A run as stored: the result without its statements, the reason in both languages. */
export const StoredCloseRun = /* @__PURE__ */ built(() => z.extend(z.omit(CloseRun, { result: true, reason: true }), {
  result: z.nullable(CloseSummary),
  reason: z.nullable(z.object({ en: CloseRunProblem, zh: CloseRunProblem })),
}));
export type StoredCloseRun = z.infer<typeof StoredCloseRun>;

const BulletinAccount = /* @__PURE__ */ built(() => z.object({
  accountId: Id, name: LineOut(200), contractTargetAmount: Fen, contractCreditAmount: Fen,
  collectionTargetAmount: Fen, collectionCreditAmount: Fen,
  contractAttainment: z.nullable(Ratio), collectionAttainment: z.nullable(Ratio), visitCompliance: z.nullable(Ratio),
  /** Satisfaction, complaints and health (issue 13), read when the bulletin is served. */
  loyalty: z.optional(BulletinLoyalty),
}));
const BulletinPerson = /* @__PURE__ */ built(() => z.object({ rank: Int(1, Number.MAX_SAFE_INTEGER), staffId: Id, name: LineOut(100), roles: z.array(AccountRole).check(z.maxLength(2)), ratio: Ratio, tier: Tier, total: SignedFen }));
/** The team bonus as team.ts's TeamResult. */
export const BulletinTeam = /* @__PURE__ */ built(() => z.object({
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
  members: z.array(z.object({ staffId: Id, rank: Int(1, Number.MAX_SAFE_INTEGER), ratio: Ratio, weight: Rate, teamShare: Fen })).check(z.maxLength(listCap)),
  explanation: Explanation,
}));
/** The whole bulletin as the close computes it; it is kept as one item per row, so it has no size limit. */
export interface Bulletin {
  period: string;
  version: number;
  accounts: z.infer<typeof BulletinAccount>[];
  people: z.infer<typeof BulletinPerson>[];
  team: Record<string, unknown>;
}
export const BulletinQuery = /* @__PURE__ */ built(() => z.strictObject({ section: z._default(z.enum(['accounts', 'people']), 'accounts'), ...PageQuery }));
/** One page of one section of the bulletin, with the team's result. */
export const BulletinPage = /* @__PURE__ */ built(() => z
  .object({
    period: PayPeriod,
    version: Version,
    team: BulletinTeam,
    accountCount: Count,
    peopleCount: Count,
    section: z.enum(['accounts', 'people']),
    items: z.array(z.union([BulletinAccount, BulletinPerson])).check(z.maxLength(maxPage)),
    nextCursor: z.nullable(Cursor),
  }).register(z.globalRegistry, { id: 'Bulletin' }));

export const TalentEntry = /* @__PURE__ */ built(() => z
  .object({ year: YearOut, staffId: Id, name: LineOut(100), annualTier: Tier, suggestedGrade: z.enum(['A', 'B', 'C', 'D']), confirmedGrade: z.nullable(z.enum(['A', 'B', 'C', 'D'])), confirmedBy: z.nullable(Id), certification: z.nullable(z.object({ level: z.enum(['junior', 'intermediate', 'senior']), awardedOn: IsoDate })), version: Version }).register(z.globalRegistry, { id: 'TalentEntry' }));
export type TalentEntry = z.infer<typeof TalentEntry>;
export const TalentQuery = /* @__PURE__ */ z.strictObject({ year: Year });
export const TalentParams = /* @__PURE__ */ z.strictObject({ year: Year, staffId: Id });
/** The payroll spreadsheet: one row per person, no control characters but line ends. */
export const PayrollCsv = /* @__PURE__ */ built(() => z.string().check(z.maxLength(100_000_000), z.regex(/^[^\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]*$/)));
/** A query-string count: at most `max` (fen up to 10^13, i.e. 100 billion yuan; visits up to 10,000). */
const QueryCount = (max: number) => z.coerce.number().check(z.int(), z.minimum(0), z.maximum(max)).register(z.globalRegistry, { format: max > 2 ** 31 ? 'int64' : 'int32' });
export const EstimateQuery = /* @__PURE__ */ built(() => z.strictObject({
  staffId: Id,
  addContractAmount: z.optional(QueryCount(10_000_000_000_000)),
  addCollectionAmount: z.optional(QueryCount(10_000_000_000_000)),
  addVisits: z.optional(QueryCount(10_000)),
}));
const Position = /* @__PURE__ */ built(() => z.object({ ratio: Ratio, tier: Tier, coefficient: Rate, demoted: z.boolean(), components: Components, performancePay: Fen }));
/**
 * What-if: a person's position in an open period now, per role, as the close would price
 * it on today's data; the least of each lever alone that reaches the next tier (null where
 * that lever cannot: the cap, no target, nothing required; the whole object null at the top
 * tier); and with the additions asked for, the position they would give. The team share
 * is not estimated: it needs the whole team (`teamShareEstimated` is always false).
 */
export const Estimate = /* @__PURE__ */ built(() => z
  .object({
    period: PayPeriod,
    staffId: Id,
    /** The day imagined records fall on: today, or the period's last day once it has ended. */
    on: IsoDate,
    addContractAmount: z.optional(Fen),
    addCollectionAmount: z.optional(Fen),
    addVisits: z.optional(Count),
    teamShareEstimated: z.literal(false),
    assessments: z
      .array(
        z.extend(Position, {
          role: AccountRole,
          contractCreditAmount: Fen,
          collectionCreditAmount: Fen,
          visits: Component,
          toNextTier: z.nullable(z.object({ tier: Tier, minimum: Rate, contractAmount: z.nullable(Fen), collectionAmount: z.nullable(Fen), visits: z.nullable(Count) })),
          whatIf: z.nullable(Position),
        }),
      ).check(z.maxLength(2)),
  }).register(z.globalRegistry, { id: 'Estimate' }));

export const TalentConfirmBody = /* @__PURE__ */ built(() => z.strictObject({ grade: z.enum(['A', 'B', 'C', 'D']) }));
