import { type Rational, compare, parseDecimal } from '#shared/domain/pay/rational.ts';
import { RuleViolation } from '#shared/errors.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

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
export const rateText = (value: number | string): string => (typeof value === 'number' ? String(value) : value);

/** A rate as the PUT body may give it: a JSON number or a decimal string. */
export type RateInput = number | string;

/** A parsed `PUT /v1/pay-policies/{year}` body (shared/schemas/pay.ts): only grades are required. */
export interface PayPolicyInput {
  readonly grades: readonly GradePay[];
  readonly tiers?: readonly { readonly tier: TierName; readonly minimum: RateInput; readonly coefficient: RateInput }[] | undefined;
  readonly weights?: { readonly contract?: RateInput | undefined; readonly collection?: RateInput | undefined; readonly management?: RateInput | undefined } | undefined;
  readonly attainmentCap?: RateInput | undefined;
  readonly visitRules?: { readonly contactLeaderPerYear?: number | undefined; readonly salesManagerPerMonth?: number | undefined } | undefined;
  readonly reportRules?: { readonly salesManagerPerMonth?: number | undefined } | undefined;
  readonly peerScore?: { readonly threshold?: RateInput | undefined } | undefined;
  readonly team?:
    | {
        readonly quarterlyPool?: number | undefined;
        readonly annualPool?: number | undefined;
        readonly topShare?: RateInput | undefined;
        readonly topWeight?: RateInput | undefined;
      }
    | undefined;
}

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
  if (found === undefined) throw new RuleViolation('grade-not-in-policy', msg(M.pay_gradeNotInPolicy, { grade }));
  return found;
};

