import type { AccountRole } from '#shared/domain/assignments.ts';
import {
  type AccountComplianceView,
  type ComplianceAccount,
  type ComplianceAccountPart,
  type ComplianceSums,
  type ComponentView,
  type MeetingFact,
  addComplianceSums,
  complianceAccountPart,
  complianceFromSums,
  holdingOf,
  noComplianceSums,
} from '#shared/domain/pay/compliance.ts';
import { type DayRange, type Period, inRanges } from '#shared/domain/pay/period.ts';
import { type PayPolicy, type PolicyRates, type TierName, gradePay, policyRates, tierIndexFor } from '#shared/domain/pay/policy.ts';
import {
  type Rational,
  ZERO,
  add,
  compare,
  div,
  explainRatio,
  exactDecimal,
  explainFen,
  integer,
  isDecimal,
  isZero,
  min,
  mul,
  parseDecimal,
  roundHalfUp,
  roundToPlaces,
  sum,
  toBigInt,
  toDecimal,
  toSafeNumber,
} from '#shared/domain/pay/rational.ts';

/** An account's quarter targets for P's year, in fen (stored resolved: explicit, or `equalSplit`). */
export interface QuarterTargets {
  readonly contract: readonly number[];
  readonly collection: readonly number[];
}

export interface WonProject {
  readonly contractAmount: number;
  readonly wonOn: string;
}

export interface ReceivedPayment {
  readonly amount: number;
  readonly receivedOn: string;
}

/** Everything the assessment reads about one key account; `targets` absent means no target that year. */
export interface AssessmentAccount extends ComplianceAccount {
  readonly targets?: QuarterTargets | undefined;
  readonly projects: readonly WonProject[];
  readonly payments: readonly ReceivedPayment[];
}

export interface AssessmentInput {
  readonly staffId: string;
  readonly role: AccountRole;
  readonly grade: string;
  /** A quarter or a year (pay.md, "Numbers"). */
  readonly period: Period;
  readonly policy: PayPolicy;
  readonly accounts: readonly AssessmentAccount[];
  readonly meetings: readonly MeetingFact[];
  /** Two-way scores p received for P (0–100); empty when nobody scored p. */
  readonly peerScores: readonly number[];
}

export interface AccountAssessmentView extends AccountComplianceView {
  /** Σ quarter targets in P × f, rounded half-up to the fen for display; the ratio uses the exact value. */
  contractTargetAmount: number;
  collectionTargetAmount: number;
  contractCreditAmount: number;
  collectionCreditAmount: number;
}

export interface AssessmentView {
  role: AccountRole;
  /** R rounded half-up to 4 places. */
  ratio: string;
  tier: TierName;
  coefficient: string;
  demoted: boolean;
  demotionReason?: string;
  components: { contract?: string; collection?: string; management?: string };
  managementParts: { visits?: string; reports?: string; meetings?: string };
  contractTargetAmount: number;
  collectionTargetAmount: number;
  contractCreditAmount: number;
  collectionCreditAmount: number;
  visits: ComponentView;
  reports?: ComponentView;
  meetings?: ComponentView;
  peerScore?: { average: string; count: number };
  performancePay: number;
  accounts: AccountAssessmentView[];
  explanation: string[];
}

/** The exact values behind the view, for the team bonus and the statement. */
export interface AssessmentExact {
  /** R as rounded (4 places), the value the tier and the team ranking use. */
  ratio: Rational;
  unroundedRatio: Rational;
  management?: Rational;
  contractTarget: Rational;
  collectionTarget: Rational;
  contractCredit: bigint;
  collectionCredit: bigint;
  performancePay: bigint;
}

export interface Assessment {
  staffId: string;
  view: AssessmentView;
  exact: AssessmentExact;
}

/** Σ an account's quarter targets over the quarters of P (pay.md, step 2). */
export const targetsInPeriod = (targets: QuarterTargets | undefined, period: Period): { contract: bigint; collection: bigint } => {
  const pick = (quarters: readonly number[]): bigint => period.quarterIndexes.reduce((total, q) => total + toBigInt(quarters[q - 1] ?? 0), 0n);
  return targets === undefined ? { contract: 0n, collection: 0n } : { contract: pick(targets.contract), collection: pick(targets.collection) };
};

/** Contract credit: projects won on a held day; collection credit: payments received on one (pay.md, step 3). */
export const creditsOn = (
  account: { readonly projects: readonly WonProject[]; readonly payments: readonly ReceivedPayment[] },
  ranges: readonly DayRange[],
): { contract: bigint; collection: bigint; projects: number; payments: number } => {
  const won = account.projects.filter((p) => inRanges(p.wonOn, ranges));
  const received = account.payments.filter((p) => inRanges(p.receivedOn, ranges));
  return {
    contract: won.reduce((total, p) => total + toBigInt(p.contractAmount), 0n),
    collection: received.reduce((total, p) => total + toBigInt(p.amount), 0n),
    projects: won.length,
    payments: received.length,
  };
};


/** min(credit ÷ target, cap), or undefined when the target is 0 (pay.md, step 4). */
const attainment = (credit: bigint, target: Rational, cap: Rational): Rational | undefined =>
  isZero(target) ? undefined : min(div(integer(credit), target), cap);

export interface RatioComponent {
  name: 'contract' | 'collection' | 'management';
  weight: Rational;
  value: Rational;
}

/**
 * R = Σ weight × component ÷ Σ weights present (pay.md, step 6), then rounded half-up to 4
 * places before the tier lookup (pay.md, "Numbers"). With no component at all, R = 0.
 */
export const weightedRatio = (components: readonly RatioComponent[]): { exact: Rational; rounded: Rational; line: string } => {
  if (components.length === 0) return { exact: ZERO, rounded: ZERO, line: 'R: no component present (no target and nothing required), R = 0.0000' };
  const weights = sum(components.map((c) => c.weight));
  const exact = div(sum(components.map((c) => mul(c.weight, c.value))), weights);
  const rounded = roundToPlaces(exact, 4);
  const terms = components.map((c) => `${exactDecimal(c.weight)} × ${explainRatio(c.value)}`).join(' + ');
  return { exact, rounded, line: `R = (${terms}) ÷ ${exactDecimal(weights)} = ${explainRatio(exact)} → rounded half-up ${toDecimal(rounded)}` };
};

/** A score as an exact rational: an integer, or a decimal such as 72.5. */
const scoreOf = (score: number): Rational => {
  if (Number.isInteger(score)) return integer(score);
  const text = String(score);
  if (!isDecimal(text)) throw new RangeError(`peer score ${text} is not a decimal`);
  return parseDecimal(text);
};

/**
 * Tier, then the peer-score demotion (pay.md, step 7): one tier down when the average score
 * received is below the threshold, never below the lowest tier.
 */
export const tierAfterPeerScores = (
  rates: PolicyRates,
  ratio: Rational,
  peerScores: readonly number[],
  thresholdText: string,
): { index: number; demoted: boolean; demotionReason?: string; average?: Rational; lines: string[] } => {
  const found = tierIndexFor(rates.tiers, ratio);
  const tier = rates.tiers[found];
  const lines = [`Tier: ${tier?.tier} (the highest whose minimum ${tier?.minimumText} ≤ ${toDecimal(ratio)})`];
  if (peerScores.length === 0) return { index: found, demoted: false, lines: [...lines, 'Peer scores: none received in the period, no demotion'] };
  const average = div(sum(peerScores.map(scoreOf)), integer(peerScores.length));
  const scored = `average peer score ${explainRatio(average)} from ${peerScores.length} score${peerScores.length === 1 ? '' : 's'}`;
  if (compare(average, rates.peerThreshold) >= 0) return { index: found, demoted: false, average, lines: [...lines, `Peer scores: ${scored}, not below ${thresholdText}`] };
  if (found === 0) {
    return { index: 0, demoted: false, average, lines: [...lines, `Peer scores: ${scored} is below ${thresholdText}, but ${tier?.tier} is already the lowest tier`] };
  }
  const lower = rates.tiers[found - 1];
  const demotionReason = `${scored} is below ${thresholdText}: one tier down from ${tier?.tier} to ${lower?.tier}`;
  return { index: found - 1, demoted: true, demotionReason, average, lines: [...lines, `Peer scores: ${demotionReason}`] };
};

/** What one account adds to p's assessment in role r: its row and explanation lines, its targets × f and credits. */
export interface AssessmentAccountPart {
  row: AccountAssessmentView;
  lines: string[];
  compliance: Pick<ComplianceAccountPart, 'visits' | 'reports'>;
  contractTarget: Rational;
  collectionTarget: Rational;
  contractCredit: bigint;
  collectionCredit: bigint;
}

/**
 * p's assessment in role r summed over some of their accounts (one batch, or all of them):
 * exact sums (targets × f as fractions, credits and counts as integers, so the order in
 * which parts are added changes nothing) and the rows and lines of each account, in order.
 */
export interface RolePartial {
  staffId: string;
  role: AccountRole;
  rows: AccountAssessmentView[];
  lines: string[];
  compliance: ComplianceSums;
  contractTarget: Rational;
  collectionTarget: Rational;
  contractCredit: bigint;
  collectionCredit: bigint;
}

export const emptyRolePartial = (staffId: string, role: AccountRole): RolePartial => ({
  staffId, role, rows: [], lines: [], compliance: noComplianceSums(), contractTarget: ZERO, collectionTarget: ZERO, contractCredit: 0n, collectionCredit: 0n,
});

/** Adds one account's part to a partial (in place: a close adds thousands). */
export const addAccountPart = (partial: RolePartial, part: AssessmentAccountPart): void => {
  partial.rows.push(part.row);
  for (const line of part.lines) partial.lines.push(line);
  partial.compliance = addComplianceSums(partial.compliance, part.compliance);
  partial.contractTarget = add(partial.contractTarget, part.contractTarget);
  partial.collectionTarget = add(partial.collectionTarget, part.collectionTarget);
  partial.contractCredit += part.contractCredit;
  partial.collectionCredit += part.collectionCredit;
};

/** Two partials of the same person and role, `later`'s accounts after `earlier`'s (in place on `earlier`). */
export const mergeRolePartials = (earlier: RolePartial, later: RolePartial): void => {
  if (earlier.staffId !== later.staffId || earlier.role !== later.role) throw new RangeError(`partials of ${earlier.staffId}/${earlier.role} and ${later.staffId}/${later.role} do not merge`);
  for (const row of later.rows) earlier.rows.push(row);
  for (const line of later.lines) earlier.lines.push(line);
  const [a, b] = [earlier.compliance, later.compliance];
  earlier.compliance = {
    accounts: a.accounts + b.accounts,
    visitsRequired: a.visitsRequired + b.visitsRequired,
    visitsDone: a.visitsDone + b.visitsDone,
    visitsCounted: a.visitsCounted + b.visitsCounted,
    reportsRequired: a.reportsRequired + b.reportsRequired,
    reportsDone: a.reportsDone + b.reportsDone,
    reportsCounted: a.reportsCounted + b.reportsCounted,
  };
  earlier.contractTarget = add(earlier.contractTarget, later.contractTarget);
  earlier.collectionTarget = add(earlier.collectionTarget, later.collectionTarget);
  earlier.contractCredit += later.contractCredit;
  earlier.collectionCredit += later.collectionCredit;
};

/** One account's part of p's assessment in role r (pay.md steps 1–5), or undefined when p did not hold it in role r in P. */
export const assessmentAccountPart = (account: AssessmentAccount, staffId: string, role: AccountRole, period: Period, policy: PayPolicy): AssessmentAccountPart | undefined => {
  const compliance = complianceAccountPart(account, staffId, role, period, policy);
  if (compliance === undefined) return undefined; // not held on any day of P (pay.md, step 1)
  const { ranges, f } = holdingOf(account.assignments, role, staffId, period);
  const inP = targetsInPeriod(account.targets, period);
  const tc = mul(integer(inP.contract), f);
  const tk = mul(integer(inP.collection), f);
  const credits = creditsOn(account, ranges);
  const quarters = period.quarterIndexes.map((q) => `Q${q}`).join('+');
  return {
    row: {
      ...compliance.row,
      contractTargetAmount: toSafeNumber(roundHalfUp(tc)),
      collectionTargetAmount: toSafeNumber(roundHalfUp(tk)),
      contractCreditAmount: toSafeNumber(credits.contract),
      collectionCreditAmount: toSafeNumber(credits.collection),
    },
    lines: [
      ...compliance.lines,
      `Account ${account.accountId}: contract target ${quarters} ${explainFen(inP.contract)} × f = ${explainFen(tc)}; credit ${explainFen(credits.contract)} from ${credits.projects} project(s) won on held days`,
      `Account ${account.accountId}: collection target ${quarters} ${explainFen(inP.collection)} × f = ${explainFen(tk)}; credit ${explainFen(credits.collection)} from ${credits.payments} payment(s) received on held days`,
    ],
    compliance: { visits: compliance.visits, reports: compliance.reports },
    contractTarget: tc,
    collectionTarget: tk,
    contractCredit: credits.contract,
    collectionCredit: credits.collection,
  };
};

/** What finishing an assessment needs besides the partial: p's grade, P, the policy, P's meetings and the scores p received. */
export interface AssessmentContext {
  readonly grade: string;
  readonly period: Period;
  readonly policy: PayPolicy;
  readonly meetings: readonly MeetingFact[];
  readonly peerScores: readonly number[];
}

/** The individual assessment of p in P in role r from the sums over all of p's accounts (pay.md, steps 4–8). */
export const assessFromPartial = (partial: RolePartial, context: AssessmentContext): Assessment => {
  const { staffId, role, contractTarget, collectionTarget, contractCredit, collectionCredit } = partial;
  const { period, policy } = context;
  if (period.kind === 'month') throw new RangeError('pay is assessed per quarter or year, not per month');
  const rates = policyRates(policy);
  const grade = gradePay(policy, context.grade);
  const compliance = complianceFromSums(partial.compliance, staffId, role, period, context.meetings);
  const explanation = [`Assessment of ${staffId} as ${role} in ${period.id} (${period.from}..${period.to}, ${period.days} days)`, ...partial.lines];

  const components: RatioComponent[] = [];
  const ac = attainment(contractCredit, contractTarget, rates.cap);
  const ak = attainment(collectionCredit, collectionTarget, rates.cap);
  const attainmentLine = (label: string, credit: string, target: string, c: bigint, t: Rational, a: Rational | undefined): string =>
    a === undefined
      ? `${label}: target 0, left out and the other weights scaled up`
      : `${label}: ${credit} ${explainFen(c)} ÷ ${target} ${explainFen(t)} = ${explainRatio(div(integer(c), t))}, cap ${policy.attainmentCap} → ${explainRatio(a)}`;
  explanation.push(attainmentLine('Contract', 'C', 'Tc', contractCredit, contractTarget, ac));
  explanation.push(attainmentLine('Collection', 'K', 'Tk', collectionCredit, collectionTarget, ak));
  if (ac !== undefined) components.push({ name: 'contract', weight: rates.weights.contract, value: ac });
  if (ak !== undefined) components.push({ name: 'collection', weight: rates.weights.collection, value: ak });
  explanation.push(...compliance.summary);
  const m = compliance.exact.management;
  if (m !== undefined) components.push({ name: 'management', weight: rates.weights.management, value: m });

  const r = weightedRatio(components);
  explanation.push(r.line);
  const placed = tierAfterPeerScores(rates, r.rounded, context.peerScores, policy.peerScore.threshold);
  explanation.push(...placed.lines);
  const tier = rates.tiers[placed.index];
  if (tier === undefined) throw new RangeError('the pay policy has no tiers');

  // pay.md step 8, rounded half-up to the fen once at the end of the line ("Numbers").
  const base = period.kind === 'year' ? grade.annualPerformanceBase : grade.quarterlyPerformanceBase;
  const pay = roundHalfUp(mul(integer(base), tier.coefficient));
  explanation.push(
    `Performance pay = ${period.kind === 'year' ? 'annual' : 'quarterly'} performance base of grade ${grade.grade} ${explainFen(toBigInt(base))} × ${tier.tier} coefficient ${tier.coefficientText} = ${explainFen(pay)}`,
  );

  const view: AssessmentView = {
    role,
    ratio: toDecimal(r.rounded),
    tier: tier.tier,
    coefficient: tier.coefficientText,
    demoted: placed.demoted,
    ...(placed.demotionReason === undefined ? {} : { demotionReason: placed.demotionReason }),
    components: {
      ...(ac === undefined ? {} : { contract: toDecimal(ac) }),
      ...(ak === undefined ? {} : { collection: toDecimal(ak) }),
      ...(m === undefined ? {} : { management: toDecimal(m) }),
    },
    managementParts: {
      ...(compliance.exact.visits === undefined ? {} : { visits: toDecimal(compliance.exact.visits) }),
      ...(compliance.exact.reports === undefined ? {} : { reports: toDecimal(compliance.exact.reports) }),
      ...(compliance.exact.meetings === undefined ? {} : { meetings: toDecimal(compliance.exact.meetings) }),
    },
    contractTargetAmount: toSafeNumber(roundHalfUp(contractTarget)),
    collectionTargetAmount: toSafeNumber(roundHalfUp(collectionTarget)),
    contractCreditAmount: toSafeNumber(contractCredit),
    collectionCreditAmount: toSafeNumber(collectionCredit),
    visits: compliance.visits,
    ...(compliance.reports === undefined ? {} : { reports: compliance.reports }),
    ...(compliance.meetings === undefined ? {} : { meetings: compliance.meetings }),
    ...(placed.average === undefined ? {} : { peerScore: { average: toDecimal(placed.average), count: context.peerScores.length } }),
    performancePay: toSafeNumber(pay),
    accounts: partial.rows,
    explanation,
  };
  return {
    staffId,
    view,
    exact: {
      ratio: r.rounded,
      unroundedRatio: r.exact,
      ...(m === undefined ? {} : { management: m }),
      contractTarget,
      collectionTarget,
      contractCredit,
      collectionCredit,
      performancePay: pay,
    },
  };
};

/** p's partial in role r over these accounts (every account p did not hold in role r left out). */
export const rolePartialOf = (accounts: readonly AssessmentAccount[], staffId: string, role: AccountRole, period: Period, policy: PayPolicy): RolePartial => {
  const partial = emptyRolePartial(staffId, role);
  for (const account of accounts) {
    const part = assessmentAccountPart(account, staffId, role, period, policy);
    if (part !== undefined) addAccountPart(partial, part);
  }
  return partial;
};

/** The individual assessment of p in P in role r (pay.md, steps 1–8). */
export const assessRole = (input: AssessmentInput): Assessment => {
  const { staffId, role, period, policy } = input;
  if (period.kind === 'month') throw new RangeError('pay is assessed per quarter or year, not per month');
  policyRates(policy);
  gradePay(policy, input.grade);
  return assessFromPartial(rolePartialOf(input.accounts, staffId, role, period, policy), input);
};

/** The roles p held on any day of P, contact leader first (pay.md: one assessment per role). */
export const rolesHeld = (staffId: string, accounts: readonly ComplianceAccount[], period: Period): AccountRole[] =>
  (['contact_leader', 'sales_manager'] as const).filter((role) => accounts.some((a) => holdingOf(a.assignments, role, staffId, period).days > 0));

/** Every assessment of p in P: one per role held (pay.md, "A person who holds both roles"). */
export const assessPerson = (input: Omit<AssessmentInput, 'role'>): Assessment[] =>
  rolesHeld(input.staffId, input.accounts, input.period).map((role) => assessRole({ ...input, role }));

