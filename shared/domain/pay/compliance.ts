import type { AccountRole, Assignment } from '#shared/domain/assignments.ts';
import { type DayRange, type Period, clipToPeriod, daysIn, describeRanges, fractionOf, inRanges, touchesMonth } from '#shared/domain/pay/period.ts';
import type { PayPolicy } from '#shared/domain/pay/policy.ts';
import { type Rational, div, explainRatio, integer, mean, mul, rational, roundHalfUp, toDecimal, toSafeNumber } from '#shared/domain/pay/rational.ts';

export type VisitType = 'formal_visit' | 'formal_reception' | 'routine_visit';

/** A visit as recorded (`madeBy` is the person who made it, api.md "Upkeep"). */
export interface VisitFact {
  readonly type: VisitType;
  readonly visitedOn: string;
  readonly madeBy: string;
}

/** A report as filed: `month` is the month it covers, `YYYY-MM`. */
export interface ReportFact {
  readonly month: string;
  readonly filedBy: string;
}

export interface MeetingFact {
  readonly type: string;
  readonly heldOn: string;
  readonly attendeeIds: readonly string[];
}

/** One key account: its assignment history (any roles and people) and its visits and reports. */
export interface ComplianceAccount {
  readonly accountId: string;
  readonly assignments: readonly Assignment[];
  readonly visits: readonly VisitFact[];
  readonly reports: readonly ReportFact[];
}

export interface ComplianceInput {
  readonly staffId: string;
  readonly role: AccountRole;
  readonly period: Period;
  readonly policy: PayPolicy;
  readonly accounts: readonly ComplianceAccount[];
  /** Meetings held in or around P; only quarterly reviews in P that p attended count. */
  readonly meetings: readonly MeetingFact[];
}

/** The days p held role r on an account within P, and f (pay.md, step 1). */
export interface Holding {
  ranges: DayRange[];
  days: number;
  f: Rational;
}

export const holdingOf = (assignments: readonly Assignment[], role: AccountRole, staffId: string, period: Period): Holding => {
  const ranges = clipToPeriod(
    assignments.filter((a) => a.role === role && a.staffId === staffId),
    period,
  );
  return { ranges, days: daysIn(ranges), f: fractionOf(ranges, period) };
};

export interface AccountComplianceView {
  accountId: string;
  held: DayRange[];
  heldDays: number;
  /** Days held ÷ days in P, 4 places. */
  f: string;
  visitsRequired: number;
  /** Visits that count (by p, inside the held days, of a counted type), before the min with required. */
  visitsDone: number;
  visitsMissing: number;
  reportsRequired?: number;
  reportsDone?: number;
  reportsMissing?: number;
  /** Held months of P with no report from p: the front end's red cells. */
  monthsWithoutReport?: string[];
}

export interface ComponentView {
  required: number;
  done: number;
  /** Σ min(done, required) over the accounts. */
  counted: number;
  missing: number;
  /** counted ÷ required, or null when nothing is required (the component is then left out). */
  ratio: string | null;
}

export interface ComplianceView {
  staffId: string;
  role: AccountRole;
  period: string;
  accounts: AccountComplianceView[];
  visits: ComponentView;
  /** Sales manager only. */
  reports?: ComponentView;
  /** Contact leader only. */
  meetings?: ComponentView;
  /** M: the mean of the components present, or null with none. */
  management: string | null;
  explanation: string[];
}

export interface ComplianceExact {
  visits?: Rational;
  reports?: Rational;
  meetings?: Rational;
  management?: Rational;
}

export interface ComplianceResult {
  view: ComplianceView;
  exact: ComplianceExact;
  /** The explanation split: per account, and the component lines after them (for the statement's order). */
  lines: { accounts: Map<string, string[]>; summary: string[] };
}

/** pay.md step 5: a contact leader's count only formal visits and receptions. */
const countedTypes: Record<AccountRole, readonly VisitType[]> = {
  contact_leader: ['formal_visit', 'formal_reception'],
  sales_manager: ['formal_visit', 'formal_reception', 'routine_visit'],
};

const quarterlyReview = 'contact_leader_quarterly_review';

const component = (required: bigint, done: bigint, counted: bigint): { view: ComponentView; exact?: Rational } => {
  const exact = required === 0n ? undefined : rational(counted, required);
  return {
    view: {
      required: toSafeNumber(required),
      done: toSafeNumber(done),
      counted: toSafeNumber(counted),
      missing: toSafeNumber(required - counted),
      ratio: exact === undefined ? null : toDecimal(exact),
    },
    ...(exact === undefined ? {} : { exact }),
  };
};

const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** What one account adds to p's compliance in role r: its row, its explanation lines and its counts. */
export interface ComplianceAccountPart {
  row: AccountComplianceView;
  lines: string[];
  visits: { required: bigint; done: bigint; counted: bigint };
  reports: { required: bigint; done: bigint; counted: bigint };
}

/** Σ over p's accounts in role r of the counts (pay.md step 5), and how many accounts p held. */
export interface ComplianceSums {
  accounts: number;
  visitsRequired: bigint;
  visitsDone: bigint;
  visitsCounted: bigint;
  reportsRequired: bigint;
  reportsDone: bigint;
  reportsCounted: bigint;
}

export const noComplianceSums = (): ComplianceSums => ({ accounts: 0, visitsRequired: 0n, visitsDone: 0n, visitsCounted: 0n, reportsRequired: 0n, reportsDone: 0n, reportsCounted: 0n });

/** The sums with one more account's counts (integers: the order of accounts changes nothing). */
export const addComplianceSums = (sums: ComplianceSums, part: Pick<ComplianceAccountPart, 'visits' | 'reports'>): ComplianceSums => ({
  accounts: sums.accounts + 1,
  visitsRequired: sums.visitsRequired + part.visits.required,
  visitsDone: sums.visitsDone + part.visits.done,
  visitsCounted: sums.visitsCounted + part.visits.counted,
  reportsRequired: sums.reportsRequired + part.reports.required,
  reportsDone: sums.reportsDone + part.reports.done,
  reportsCounted: sums.reportsCounted + part.reports.counted,
});

/** One account's part of p's compliance in role r, or undefined when p did not hold it in role r on any day of P. */
export const complianceAccountPart = (
  account: ComplianceAccount,
  staffId: string,
  role: AccountRole,
  period: Period,
  policy: PayPolicy,
): ComplianceAccountPart | undefined => {
  const holding = holdingOf(account.assignments, role, staffId, period);
  if (holding.days === 0) return undefined;
  const visitRule = role === 'contact_leader' ? policy.visitRules.contactLeaderPerYear : policy.visitRules.salesManagerPerMonth;
  const reportRule = policy.reportRules.salesManagerPerMonth;
  const { ranges, f } = holding;
  // pay.md step 5: CL round-half-up(yearly rule × quarters in P ÷ 4 × f); SM round-half-up(monthly rule × months in P × f).
  const visitBasis =
    role === 'contact_leader'
      ? mul(div(mul(integer(visitRule), period.quarters), integer(4)), f)
      : mul(mul(integer(visitRule), integer(period.months)), f);
  const required = roundHalfUp(visitBasis);
  const done = BigInt(
    account.visits.filter((v) => v.madeBy === staffId && countedTypes[role].includes(v.type) && inRanges(v.visitedOn, ranges)).length,
  );
  const counted = minBig(done, required);
  const row: AccountComplianceView = {
    accountId: account.accountId,
    held: ranges,
    heldDays: holding.days,
    f: toDecimal(f),
    visitsRequired: toSafeNumber(required),
    visitsDone: toSafeNumber(done),
    visitsMissing: toSafeNumber(required - counted),
  };
  const lines: string[] = [];
  lines.push(`Account ${account.accountId}: held ${describeRanges(ranges)}, ${holding.days} of ${period.days} days, f = ${explainRatio(f)}`);
  const visitFormula =
    role === 'contact_leader'
      ? `round-half-up(${visitRule} × ${explainRatio(period.quarters)} quarters ÷ 4 × f = ${explainRatio(visitBasis)})`
      : `round-half-up(${visitRule} × ${period.months} months × f = ${explainRatio(visitBasis)})`;
  const visitKinds = role === 'contact_leader' ? 'formal visits and receptions' : 'visits';
  lines.push(`Account ${account.accountId}: visits required ${visitFormula} = ${required}; ${visitKinds} made on held days ${done}, counted ${counted}`);
  const reports = { required: 0n, done: 0n, counted: 0n };
  if (role === 'sales_manager') {
    // pay.md step 5: reports required = round-half-up(months in P × f), with the policy's per-month rule as the multiplier.
    const reportBasis = mul(mul(integer(reportRule), integer(period.months)), f);
    const rRequired = roundHalfUp(reportBasis);
    // A report counts for the month it covers: held months of P, at most the rule per month.
    const held = period.monthIds.filter((m) => touchesMonth(m, ranges));
    const perMonth = held.map((m) => BigInt(account.reports.filter((r) => r.filedBy === staffId && r.month === m).length));
    const rDone = perMonth.reduce((a, n) => a + minBig(n, BigInt(reportRule)), 0n);
    const rCounted = minBig(rDone, rRequired);
    Object.assign(reports, { required: rRequired, done: rDone, counted: rCounted });
    row.reportsRequired = toSafeNumber(rRequired);
    row.reportsDone = toSafeNumber(rDone);
    row.reportsMissing = toSafeNumber(rRequired - rCounted);
    row.monthsWithoutReport = held.filter((_, i) => perMonth[i] === 0n);
    lines.push(
      `Account ${account.accountId}: reports required round-half-up(${reportRule} × ${period.months} months × f = ${explainRatio(reportBasis)}) = ${rRequired}; ` +
        `filed for held months ${rDone}, counted ${rCounted}`,
    );
  }
  return { row, lines, visits: { required, done, counted }, reports };
};

/** The components and M of p in role r from the sums over p's accounts (pay.md step 5); the meetings are P's. */
export const complianceFromSums = (
  sums: ComplianceSums,
  staffId: string,
  role: AccountRole,
  period: Period,
  meetings: readonly MeetingFact[],
): { exact: ComplianceExact; visits: ComponentView; reports?: ComponentView; meetings?: ComponentView; management: string | null; summary: string[] } => {
  const summary: string[] = [];
  const exact: ComplianceExact = {};
  const visits = component(sums.visitsRequired, sums.visitsDone, sums.visitsCounted);
  if (visits.exact !== undefined) exact.visits = visits.exact;
  summary.push(
    visits.exact === undefined
      ? 'Visits: none required, left out'
      : `Visits: Σ min(made, required) ${sums.visitsCounted} ÷ Σ required ${sums.visitsRequired} = ${explainRatio(visits.exact)}`,
  );
  const out: { visits: ComponentView; reports?: ComponentView; meetings?: ComponentView } = { visits: visits.view };
  if (role === 'sales_manager') {
    const reports = component(sums.reportsRequired, sums.reportsDone, sums.reportsCounted);
    out.reports = reports.view;
    if (reports.exact !== undefined) exact.reports = reports.exact;
    summary.push(
      reports.exact === undefined
        ? 'Reports: none required, left out'
        : `Reports: Σ min(filed, required) ${sums.reportsCounted} ÷ Σ required ${sums.reportsRequired} = ${explainRatio(reports.exact)}`,
    );
  } else if (sums.accounts > 0) {
    // pay.md step 5: meetings required = quarters in P; a month's 1/3 rounds half-up to 0, so a month requires none.
    const required = roundHalfUp(period.quarters);
    const attended = BigInt(
      meetings.filter((m) => m.type === quarterlyReview && period.from <= m.heldOn && m.heldOn <= period.to && m.attendeeIds.includes(staffId)).length,
    );
    const held = component(required, attended, minBig(attended, required));
    out.meetings = held.view;
    if (held.exact !== undefined) exact.meetings = held.exact;
    summary.push(
      held.exact === undefined
        ? `Meetings: no quarterly review required in ${period.id}, left out`
        : `Meetings: quarterly reviews attended ${attended}, required ${required} → min ÷ required = ${explainRatio(held.exact)}`,
    );
  }

  const parts = [exact.visits, exact.reports, exact.meetings].filter((r): r is Rational => r !== undefined);
  let management: string | null = null;
  if (parts.length > 0) {
    exact.management = mean(parts);
    management = toDecimal(exact.management);
    summary.push(`Management M = mean(${parts.map(explainRatio).join(', ')}) = ${explainRatio(exact.management)}`);
  } else {
    summary.push('Management: nothing required, left out');
  }
  return { exact, ...out, management, summary };
};

/**
 * Visits, reports and meetings of p in role r over P (pay.md step 5, domain.md §3.2):
 * the one function behind GET /v1/compliance and the management component of the close.
 */
export const computeCompliance = (input: ComplianceInput): ComplianceResult => {
  const { staffId, role, period, policy } = input;
  const accountLines = new Map<string, string[]>();
  const accounts: AccountComplianceView[] = [];
  let sums = noComplianceSums();
  for (const account of input.accounts) {
    const part = complianceAccountPart(account, staffId, role, period, policy);
    if (part === undefined) continue;
    sums = addComplianceSums(sums, part);
    accountLines.set(account.accountId, part.lines);
    accounts.push(part.row);
  }
  const { exact, summary, management, visits, reports, meetings } = complianceFromSums(sums, staffId, role, period, input.meetings);
  // Keys in the order the view has always had (its JSON stays byte for byte the same).
  const view: ComplianceView = {
    staffId, role, period: period.id, accounts, visits, management, explanation: [...[...accountLines.values()].flat(), ...summary],
    ...(reports === undefined ? {} : { reports }),
    ...(meetings === undefined ? {} : { meetings }),
  };
  return { view, exact, lines: { accounts: accountLines, summary } };
};
