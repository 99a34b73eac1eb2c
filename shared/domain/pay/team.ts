import {
  type Assessment,
  type QuarterTargets,
  type RatioComponent,
  type ReceivedPayment,
  type WonProject,
  creditsOn,
  targetsInPeriod,
  weightedRatio,
} from '#shared/domain/pay/assessment.ts';
import { type OpenRange, type Period, clipToPeriod, fractionOf } from '#shared/domain/pay/period.ts';
import { type PayPolicy, type TierName, policyRates, tierIndexFor } from '#shared/domain/pay/policy.ts';
import {
  type Rational,
  ONE,
  ZERO,
  add,
  ceil,
  compare,
  div,
  explainRatio,
  floor,
  explainFen,
  integer,
  isZero,
  mean,
  min,
  mul,
  roundHalfUp,
  sub,
  sum,
  toBigInt,
  toDecimal,
  toSafeNumber,
} from '#shared/domain/pay/rational.ts';

/** A key account for the team totals, counted once whoever held it. */
export interface TeamAccount {
  readonly accountId: string;
  /** The days it was a key account (designation onwards; `to` null while it still is one). */
  readonly keyIntervals: readonly OpenRange[];
  readonly targets?: QuarterTargets | undefined;
  readonly projects: readonly WonProject[];
  readonly payments: readonly ReceivedPayment[];
}

/** One person of the team, as the ranking and the management mean see them. */
export interface TeamMember {
  readonly staffId: string;
  /** R rounded to 4 places. */
  readonly ratio: Rational;
  readonly management?: Rational | undefined;
  readonly contractCredit: bigint;
}

/**
 * A person's place in the team from their assessments. pay.md ranks members by "R" and
 * takes "the members' M" without saying what a person with both roles brings: here the
 * assessment with the higher R (then the larger contract credit) gives R and contract
 * credit, and M is the mean of the role M's present.
 */
export const teamMember = (assessments: readonly Assessment[]): TeamMember => {
  const [leading] = [...assessments].sort((a, b) => compare(b.exact.ratio, a.exact.ratio) || (b.exact.contractCredit > a.exact.contractCredit ? 1 : b.exact.contractCredit < a.exact.contractCredit ? -1 : 0));
  if (leading === undefined) throw new RangeError('a team member needs at least one assessment');
  const ms = assessments.map((a) => a.exact.management).filter((m): m is Rational => m !== undefined);
  return { staffId: leading.staffId, ratio: leading.exact.ratio, management: ms.length === 0 ? undefined : mean(ms), contractCredit: leading.exact.contractCredit };
};

/** By R, then larger contract credit, then smaller staff id (pay.md, "Team bonus"); code-unit order so no locale shifts it. */
export const rankMembers = (members: readonly TeamMember[]): TeamMember[] =>
  [...members].sort(
    (a, b) =>
      compare(b.ratio, a.ratio) ||
      (b.contractCredit > a.contractCredit ? 1 : b.contractCredit < a.contractCredit ? -1 : 0) ||
      (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0),
  );

/**
 * total × weightᵢ ÷ Σ weights, to whole fen by largest remainder: everyone gets the floor of
 * the exact share, and the fen left over go one each to the largest remainders (ties: the
 * earlier index, i.e. the better rank). The parts add up to `total` exactly and each is
 * within 1 fen of its exact share (pay.md, "Team bonus").
 */
export const splitByLargestRemainder = (total: bigint, weights: readonly Rational[]): bigint[] => {
  if (weights.length === 0) return [];
  const whole = sum(weights);
  if (isZero(whole)) throw new RangeError('weights add up to 0');
  const exact = weights.map((w) => div(mul(integer(total), w), whole));
  const parts = exact.map(floor);
  const leftover = total - parts.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, remainder: sub(e, integer(parts[i] ?? 0n)) }))
    .sort((a, b) => compare(b.remainder, a.remainder) || a.i - b.i);
  for (let k = 0n; k < leftover; k++) {
    const at = order[Number(k)];
    if (at !== undefined) parts[at.i] = (parts[at.i] ?? 0n) + 1n;
  }
  return parts;
};

export interface TeamShareView {
  staffId: string;
  rank: number;
  ratio: string;
  weight: string;
  teamShare: number;
}

export interface TeamResult {
  period: string;
  ratio: string;
  tier: TierName;
  coefficient: string;
  components: { contract?: string; collection?: string; management?: string };
  contractTargetAmount: number;
  collectionTargetAmount: number;
  contractCreditAmount: number;
  collectionCreditAmount: number;
  /** The policy's pool for the period kind, and that × the team tier coefficient. */
  poolBaseAmount: number;
  poolAmount: number;
  members: TeamShareView[];
  explanation: string[];
}

export interface TeamInput {
  readonly period: Period;
  readonly policy: PayPolicy;
  /** Every key account, each once. */
  readonly accounts: readonly TeamAccount[];
  /** Everyone assessed in P. */
  readonly members: readonly TeamMember[];
}

/** The team's sums over key accounts, each counted once (targets × the fraction of P it was key, as fractions; credits in fen). */
export interface TeamTotals {
  accounts: number;
  contractTarget: Rational;
  collectionTarget: Rational;
  contractCredit: bigint;
  collectionCredit: bigint;
}

export const noTeamTotals = (): TeamTotals => ({ accounts: 0, contractTarget: ZERO, collectionTarget: ZERO, contractCredit: 0n, collectionCredit: 0n });

/** The totals with one more key account: quarter targets × the fraction of P it was key, credits from its key days (in place). */
export const addTeamAccount = (totals: TeamTotals, account: TeamAccount, period: Period): void => {
  totals.accounts += 1;
  const ranges = clipToPeriod(account.keyIntervals, period);
  if (ranges.length === 0) return;
  const g = fractionOf(ranges, period);
  const inP = targetsInPeriod(account.targets, period);
  const credits = creditsOn(account, ranges);
  totals.contractTarget = add(totals.contractTarget, mul(integer(inP.contract), g));
  totals.collectionTarget = add(totals.collectionTarget, mul(integer(inP.collection), g));
  totals.contractCredit += credits.contract;
  totals.collectionCredit += credits.collection;
};

/** Two batches' totals as one (in place on `into`; exact, so the order does not matter). */
export const mergeTeamTotals = (into: TeamTotals, other: TeamTotals): void => {
  into.accounts += other.accounts;
  into.contractTarget = add(into.contractTarget, other.contractTarget);
  into.collectionTarget = add(into.collectionTarget, other.collectionTarget);
  into.contractCredit += other.contractCredit;
  into.collectionCredit += other.collectionCredit;
};

/** The team bonus of P (pay.md, "Team bonus"). */
export const teamBonus = (input: TeamInput): TeamResult => {
  const totals = noTeamTotals();
  for (const account of input.accounts) addTeamAccount(totals, account, input.period);
  return teamBonusFromTotals({ period: input.period, policy: input.policy, totals, members: input.members });
};

/** The team bonus of P from the team's totals over its key accounts (pay.md, "Team bonus"). */
export const teamBonusFromTotals = (input: { readonly period: Period; readonly policy: PayPolicy; readonly totals: TeamTotals; readonly members: readonly TeamMember[] }): TeamResult => {
  const { period, policy } = input;
  if (period.kind === 'month') throw new RangeError('the team bonus is per quarter or year, not per month');
  const rates = policyRates(policy);
  const explanation = [`Team bonus for ${period.id}: ${input.members.length} member(s), ${input.totals.accounts} key account(s)`];
  const { contractTarget, collectionTarget, contractCredit, collectionCredit } = input.totals;
  const components: RatioComponent[] = [];
  const attain = (credit: bigint, target: Rational): Rational | undefined => (isZero(target) ? undefined : min(div(integer(credit), target), rates.cap));
  const ac = attain(contractCredit, contractTarget);
  const ak = attain(collectionCredit, collectionTarget);
  if (ac !== undefined) components.push({ name: 'contract', weight: rates.weights.contract, value: ac });
  if (ak !== undefined) components.push({ name: 'collection', weight: rates.weights.collection, value: ak });
  explanation.push(
    ac === undefined ? 'Team contract: target 0, left out' : `Team contract: C ${explainFen(contractCredit)} ÷ Tc ${explainFen(contractTarget)}, cap ${policy.attainmentCap} → ${explainRatio(ac)}`,
    ak === undefined ? 'Team collection: target 0, left out' : `Team collection: K ${explainFen(collectionCredit)} ÷ Tk ${explainFen(collectionTarget)}, cap ${policy.attainmentCap} → ${explainRatio(ak)}`,
  );
  // Members with no M (nothing required of them) are left out of the mean.
  const ms = input.members.map((m) => m.management).filter((m): m is Rational => m !== undefined);
  const management = ms.length === 0 ? undefined : mean(ms);
  if (management !== undefined) components.push({ name: 'management', weight: rates.weights.management, value: management });
  explanation.push(management === undefined ? 'Team management: no member has an M, left out' : `Team management: mean of ${ms.length} members' M = ${explainRatio(management)}`);

  const r = weightedRatio(components);
  const tier = rates.tiers[tierIndexFor(rates.tiers, r.rounded)];
  if (tier === undefined) throw new RangeError('the pay policy has no tiers');
  const poolBase = toBigInt(period.kind === 'year' ? policy.team.annualPool : policy.team.quarterlyPool);
  const pool = roundHalfUp(mul(integer(poolBase), tier.coefficient));
  explanation.push(
    `Team ${r.line}`,
    `Team tier ${tier.tier} (minimum ${tier.minimumText}), coefficient ${tier.coefficientText}`,
    `Pool = ${period.kind === 'year' ? 'annual' : 'quarterly'} team pool ${explainFen(poolBase)} × ${tier.coefficientText} = ${explainFen(pool)}`,
  );

  const ranked = rankMembers(input.members);
  const topCount = ceil(mul(integer(ranked.length), rates.topShare));
  const weights = ranked.map((_, i) => (BigInt(i) < topCount ? rates.topWeight : ONE));
  const shares = splitByLargestRemainder(pool, weights);
  explanation.push(
    `Top ceil(${policy.team.topShare} × ${ranked.length}) = ${topCount} member(s) weigh ${policy.team.topWeight}, the others 1.0; ` +
      `shares = pool × weight ÷ ${explainRatio(sum(weights))}, to the fen by largest remainder`,
  );
  const members = ranked.map((m, i) => {
    const share = shares[i] ?? 0n;
    const weight = weights[i] ?? ONE;
    const weightText = BigInt(i) < topCount ? policy.team.topWeight : '1.0';
    explanation.push(`#${i + 1} ${m.staffId}: R ${toDecimal(m.ratio)}, weight ${weightText}, exact share ${explainFen(div(mul(integer(pool), weight), sum(weights)))} → ${explainFen(share)}`);
    return { staffId: m.staffId, rank: i + 1, ratio: toDecimal(m.ratio), weight: weightText, teamShare: toSafeNumber(share) };
  });
  if (ranked.length === 0 && pool > 0n) explanation.push('Nobody was assessed, so the pool is not paid out');

  return {
    period: period.id,
    ratio: toDecimal(r.rounded),
    tier: tier.tier,
    coefficient: tier.coefficientText,
    components: {
      ...(ac === undefined ? {} : { contract: toDecimal(ac) }),
      ...(ak === undefined ? {} : { collection: toDecimal(ak) }),
      ...(management === undefined ? {} : { management: toDecimal(management) }),
    },
    contractTargetAmount: toSafeNumber(roundHalfUp(contractTarget)),
    collectionTargetAmount: toSafeNumber(roundHalfUp(collectionTarget)),
    contractCreditAmount: toSafeNumber(contractCredit),
    collectionCreditAmount: toSafeNumber(collectionCredit),
    poolBaseAmount: toSafeNumber(poolBase),
    poolAmount: toSafeNumber(pool),
    members,
    explanation,
  };
};

/** A member's share from a team result (0 when not a member). */
export const teamShareOf = (team: TeamResult, staffId: string): number => team.members.find((m) => m.staffId === staffId)?.teamShare ?? 0;

