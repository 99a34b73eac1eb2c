import * as z from 'zod';
import { type Rational, compare, isDecimal, parseDecimal } from '#shared/domain/pay/rational.ts';
import { RuleViolation } from '#shared/errors.ts';

export const tierNames = ['not_completed', 'basically_completed', 'exceeded', 'outstanding'] as const;
export type TierName = (typeof tierNames)[number];

/** Rates are decimal strings ("0.60"): stored and returned so, parsed to exact rationals where used. */
export interface Tier {
  readonly tier: TierName;
  readonly minimum: string;
  readonly coefficient: string;
}

export interface GradePay {
  readonly grade: string;
  readonly monthlyBase: number;
  readonly quarterlyPerformanceBase: number;
  readonly annualPerformanceBase: number;
}

/** One year's pay policy (pay.md, "The pay policy"). Money in integer fen. */
export interface PayPolicy {
  readonly tiers: readonly Tier[];
  readonly weights: { readonly contract: string; readonly collection: string; readonly management: string };
  readonly attainmentCap: string;
  readonly visitRules: { readonly contactLeaderPerYear: number; readonly salesManagerPerMonth: number };
  readonly reportRules: { readonly salesManagerPerMonth: number };
  readonly peerScore: { readonly threshold: string };
  readonly team: { readonly quarterlyPool: number; readonly annualPool: number; readonly topShare: string; readonly topWeight: string };
  readonly grades: readonly GradePay[];
}

/**
 * pay.md's table. It gives no team pools, so they default to 0 fen: no team bonus is paid
 * until leadership sets them. Grades have no default either (the PUT body requires them).
 */
export const defaultPolicy: PayPolicy = {
  tiers: [
    { tier: 'not_completed', minimum: '0', coefficient: '0' },
    { tier: 'basically_completed', minimum: '0.80', coefficient: '0.8' },
    { tier: 'exceeded', minimum: '1.00', coefficient: '1.2' },
    { tier: 'outstanding', minimum: '1.20', coefficient: '1.5' },
  ],
  weights: { contract: '0.60', collection: '0.25', management: '0.15' },
  attainmentCap: '1.50',
  visitRules: { contactLeaderPerYear: 4, salesManagerPerMonth: 1 },
  reportRules: { salesManagerPerMonth: 1 },
  peerScore: { threshold: '60' },
  team: { quarterlyPool: 0, annualPool: 0, topShare: '0.20', topWeight: '1.2' },
  grades: [],
};

/** A JSON number as its shortest decimal text (0.2 → "0.2"); exponent forms are refused by the schema. */
const rateText = (value: number | string): string => (typeof value === 'number' ? String(value) : value);

interface RateBounds {
  /** Must be more than 0. */
  positive?: boolean;
  max?: string;
}

const rate = (bounds: RateBounds = {}) =>
  z.union([z.number(), z.string()]).superRefine((value, ctx) => {
    const text = rateText(value);
    if (text.length > 24 || !isDecimal(text) || text.startsWith('-')) {
      ctx.addIssue({ code: 'custom', message: 'must be a non-negative decimal such as 0.2 or "0.20"' });
      return;
    }
    const exact = parseDecimal(text);
    if (bounds.positive === true && exact.n === 0n) ctx.addIssue({ code: 'custom', message: 'must be more than 0' });
    if (bounds.max !== undefined && compare(exact, parseDecimal(bounds.max)) > 0) ctx.addIssue({ code: 'custom', message: `must be at most ${bounds.max}` });
  });

const Fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Count = z.number().int().min(0).max(1000);

const GradeBody = z.strictObject({
  grade: z.string().trim().min(1).max(20),
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
  .superRefine((tiers, ctx) => {
    tiers.forEach((t, i) => {
      if (t.tier !== tierNames[i]) ctx.addIssue({ code: 'custom', path: [i, 'tier'], message: `must be ${tierNames[i]}` });
    });
    const ok = tiers.every((t) => isDecimal(rateText(t.minimum)) && isDecimal(rateText(t.coefficient)));
    if (!ok) return; // the rate schema has reported these
    const first = tiers[0];
    if (first !== undefined && parseDecimal(rateText(first.minimum)).n !== 0n) ctx.addIssue({ code: 'custom', path: [0, 'minimum'], message: 'must be 0' });
    for (let i = 1; i < tiers.length; i++) {
      const prev = tiers[i - 1];
      const t = tiers[i];
      if (prev === undefined || t === undefined) continue;
      if (compare(parseDecimal(rateText(t.minimum)), parseDecimal(rateText(prev.minimum))) <= 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'minimum'], message: `must be more than the ${prev.tier} minimum` });
      }
      if (compare(parseDecimal(rateText(t.coefficient)), parseDecimal(rateText(prev.coefficient))) < 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'coefficient'], message: `must not be less than the ${prev.tier} coefficient` });
      }
    }
  });

/** Body of `PUT /v1/pay-policies/{year}` (api.md, "Pay"): only grades are required; nested settings may be partial. */
export const PayPolicyBody = z.strictObject({
  grades: z
    .array(GradeBody)
    .min(1)
    .max(200)
    .refine((grades) => new Set(grades.map((g) => g.grade)).size === grades.length, 'must not repeat a grade'),
  tiers: Tiers.optional(),
  weights: z
    .strictObject({ contract: rate({ positive: true }).optional(), collection: rate({ positive: true }).optional(), management: rate({ positive: true }).optional() })
    .optional(),
  attainmentCap: rate({ positive: true }).optional(),
  visitRules: z.strictObject({ contactLeaderPerYear: Count.optional(), salesManagerPerMonth: Count.optional() }).optional(),
  reportRules: z.strictObject({ salesManagerPerMonth: Count.optional() }).optional(),
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
export type PayPolicyInput = z.infer<typeof PayPolicyBody>;

const Rate = z.string().regex(/^\d+(\.\d+)?$/);
/** A policy as stored and returned: rates as decimal strings. */
export const PayPolicySettings = z.object({
  tiers: z.array(z.object({ tier: z.enum(tierNames), minimum: Rate, coefficient: Rate })),
  weights: z.object({ contract: Rate, collection: Rate, management: Rate }),
  attainmentCap: Rate,
  visitRules: z.object({ contactLeaderPerYear: Count, salesManagerPerMonth: Count }),
  reportRules: z.object({ salesManagerPerMonth: Count }),
  peerScore: z.object({ threshold: Rate }),
  team: z.object({ quarterlyPool: Fen, annualPool: Fen, topShare: Rate, topWeight: Rate }),
  grades: z.array(z.object({ grade: z.string(), monthlyBase: Fen, quarterlyPerformanceBase: Fen, annualPerformanceBase: Fen })),
});

const text = (value: number | string | undefined, fallback: string): string => (value === undefined ? fallback : rateText(value));

/** A parsed PUT body over the defaults (or another base): every omitted setting keeps the base's value. */
export const mergeWithDefaults = (input: PayPolicyInput, base: PayPolicy = defaultPolicy): PayPolicy => ({
  tiers: (input.tiers ?? base.tiers).map((t) => ({ tier: t.tier, minimum: rateText(t.minimum), coefficient: rateText(t.coefficient) })),
  weights: {
    contract: text(input.weights?.contract, base.weights.contract),
    collection: text(input.weights?.collection, base.weights.collection),
    management: text(input.weights?.management, base.weights.management),
  },
  attainmentCap: text(input.attainmentCap, base.attainmentCap),
  visitRules: {
    contactLeaderPerYear: input.visitRules?.contactLeaderPerYear ?? base.visitRules.contactLeaderPerYear,
    salesManagerPerMonth: input.visitRules?.salesManagerPerMonth ?? base.visitRules.salesManagerPerMonth,
  },
  reportRules: { salesManagerPerMonth: input.reportRules?.salesManagerPerMonth ?? base.reportRules.salesManagerPerMonth },
  peerScore: { threshold: text(input.peerScore?.threshold, base.peerScore.threshold) },
  team: {
    quarterlyPool: input.team?.quarterlyPool ?? base.team.quarterlyPool,
    annualPool: input.team?.annualPool ?? base.team.annualPool,
    topShare: text(input.team?.topShare, base.team.topShare),
    topWeight: text(input.team?.topWeight, base.team.topWeight),
  },
  grades: input.grades.map((g) => ({ ...g })),
});

export interface TierRate {
  tier: TierName;
  minimum: Rational;
  coefficient: Rational;
  /** As written in the policy, for the statement ("1.2"). */
  coefficientText: string;
  minimumText: string;
}

/** The policy's rates as exact rationals. */
export interface PolicyRates {
  tiers: readonly TierRate[];
  weights: { contract: Rational; collection: Rational; management: Rational };
  cap: Rational;
  peerThreshold: Rational;
  topShare: Rational;
  topWeight: Rational;
}

export const policyRates = (policy: PayPolicy): PolicyRates => ({
  tiers: [...policy.tiers]
    .map((t) => ({ tier: t.tier, minimum: parseDecimal(t.minimum), coefficient: parseDecimal(t.coefficient), coefficientText: t.coefficient, minimumText: t.minimum }))
    .sort((a, b) => compare(a.minimum, b.minimum)),
  weights: {
    contract: parseDecimal(policy.weights.contract),
    collection: parseDecimal(policy.weights.collection),
    management: parseDecimal(policy.weights.management),
  },
  cap: parseDecimal(policy.attainmentCap),
  peerThreshold: parseDecimal(policy.peerScore.threshold),
  topShare: parseDecimal(policy.team.topShare),
  topWeight: parseDecimal(policy.team.topWeight),
});

/** Index of the highest tier whose minimum ≤ r (pay.md, step 7); the lowest tier starts at 0. */
export const tierIndexFor = (tiers: readonly TierRate[], r: Rational): number => {
  let found = 0;
  tiers.forEach((t, i) => {
    if (compare(t.minimum, r) <= 0) found = i;
  });
  return found;
};

/** The grade's pay lines; a grade the year's policy does not list is a broken rule, not a zero. */
export const gradePay = (policy: PayPolicy, grade: string): GradePay => {
  const found = policy.grades.find((g) => g.grade === grade);
  if (found === undefined) throw new RuleViolation('grade-not-in-policy', `The pay policy has no grade ${grade}; add it before closing the period`);
  return found;
};

