import { type Assessment, type AssessmentAccount, type AssessmentView, assessPerson } from '#shared/domain/pay/assessment.ts';
import type { MeetingFact } from '#shared/domain/pay/compliance.ts';
import type { Period } from '#shared/domain/pay/period.ts';
import { type PayPolicy, gradePay } from '#shared/domain/pay/policy.ts';
import { explainFen, toBigInt, toSafeNumber } from '#shared/domain/pay/rational.ts';
import { type TeamAccount, type TeamResult, teamBonus, teamMember, teamShareOf } from '#shared/domain/pay/team.ts';

/** One person's statement for P (pay.md, "Statements"); money in integer fen. */
export interface Statement {
  staffId: string;
  period: string;
  grade: string;
  basePay: number;
  performancePay: number;
  teamShare: number;
  total: number;
  assessments: AssessmentView[];
  explanation: string[];
  /** What moves pay besides the calculation; `total` includes their amounts. */
  adjustments?: StatementAdjustment[];
}

/** An adjustment on a statement: a prior period's difference, or a manual one (its id, category and approver). */
export interface StatementAdjustment {
  kind: 'prior_period' | 'manual';
  period?: string;
  amount: number;
  reason: string;
  id?: string;
  category?: string;
  approvedBy?: string;
}

/** An approved manual adjustment of the period (shared/schemas/pay-desk.ts). */
export interface ApprovedAdjustment {
  readonly id: string;
  readonly staffId: string;
  readonly amount: number;
  readonly category: string;
  readonly reason: string;
  readonly approvedBy: string;
}

/**
 * The period's approved manual adjustments on their people's statements (issue 11 item 2):
 * each is listed, explained, and added to the total. A statement without any is unchanged.
 */
export const withManualAdjustments = (statement: Statement, approved: readonly ApprovedAdjustment[]): Statement => {
  const mine = approved.filter((a) => a.staffId === statement.staffId).sort((a, b) => a.id.localeCompare(b.id));
  if (mine.length === 0) return statement;
  const sum = mine.reduce((total, a) => total + toBigInt(a.amount), 0n);
  const total = toBigInt(statement.total) + sum;
  return {
    ...statement,
    adjustments: [
      ...(statement.adjustments ?? []),
      ...mine.map((a) => ({ kind: 'manual' as const, id: a.id, category: a.category, amount: a.amount, reason: a.reason, approvedBy: a.approvedBy })),
    ],
    total: toSafeNumber(total),
    explanation: [
      ...statement.explanation,
      ...mine.map((a) => `Manual adjustment ${a.id} (${a.category}, approved by ${a.approvedBy}): ${explainFen(toBigInt(a.amount))}, ${a.reason}`),
      `Total with manual adjustments: ${explainFen(toBigInt(statement.total))} + ${explainFen(sum)} = ${explainFen(total)}`,
    ],
  };
};

export interface StatementInput {
  readonly staffId: string;
  readonly grade: string;
  readonly period: Period;
  readonly policy: PayPolicy;
  /** p's assessments in P, one per role held (from `assessPerson`). */
  readonly assessments: readonly Assessment[];
  /** p's share of the team pool (from `teamBonus`), 0 when none. */
  readonly teamShare: number;
}

/** Base pay = monthly base × months in P; performance pay = Σ over roles (pay.md, step 8). */
export const buildStatement = (input: StatementInput): Statement => {
  const { staffId, period, policy } = input;
  if (period.kind === 'month') throw new RangeError('statements are per quarter or year, not per month');
  const stranger = input.assessments.find((a) => a.staffId !== staffId);
  if (stranger !== undefined) throw new RangeError(`an assessment of ${stranger.staffId} was given for ${staffId}'s statement`);
  const grade = gradePay(policy, input.grade);
  const basePay = toBigInt(grade.monthlyBase) * BigInt(period.months);
  const performancePay = input.assessments.reduce((total, a) => total + a.exact.performancePay, 0n);
  const teamShare = toBigInt(input.teamShare);
  const total = basePay + performancePay + teamShare;
  const explanation = [
    `Base pay: monthly base of grade ${grade.grade} ${explainFen(toBigInt(grade.monthlyBase))} × ${period.months} months = ${explainFen(basePay)}`,
    input.assessments.length === 0
      ? 'Performance pay: not assessed in the period, 0 fen'
      : `Performance pay: ${input.assessments.map((a) => `${a.view.role} ${explainFen(a.exact.performancePay)}`).join(' + ')} = ${explainFen(performancePay)}`,
    `Team share: ${explainFen(teamShare)}`,
    `Total: ${explainFen(basePay)} + ${explainFen(performancePay)} + ${explainFen(teamShare)} = ${explainFen(total)}`,
  ];
  return {
    staffId,
    period: period.id,
    grade: grade.grade,
    basePay: toSafeNumber(basePay),
    performancePay: toSafeNumber(performancePay),
    teamShare: toSafeNumber(teamShare),
    total: toSafeNumber(total),
    assessments: input.assessments.map((a) => a.view),
    explanation,
  };
};

/** A person for the close: their grade, the scores they received for P, and the accounts they held in P. */
export interface ClosePerson {
  readonly staffId: string;
  readonly grade: string;
  readonly peerScores: readonly number[];
  readonly accounts: readonly AssessmentAccount[];
}

export interface CloseInput {
  readonly period: Period;
  readonly policy: PayPolicy;
  readonly people: readonly ClosePerson[];
  /** Every key account once, for the team totals. */
  readonly teamAccounts: readonly TeamAccount[];
  /** The meetings held in P. */
  readonly meetings: readonly MeetingFact[];
}

/**
 * The whole calculation of a close over plain data: assessments, the team bonus, then one
 * statement per person assessed (the team is everyone assessed in P, pay.md "Team bonus").
 */
export const closeStatements = (input: CloseInput): { team: TeamResult; statements: Statement[] } => {
  const { period, policy, meetings } = input;
  const assessed = input.people
    .map((person) => ({
      person,
      assessments: assessPerson({ staffId: person.staffId, grade: person.grade, period, policy, accounts: person.accounts, meetings, peerScores: person.peerScores }),
    }))
    .filter((p) => p.assessments.length > 0);
  const team = teamBonus({ period, policy, accounts: input.teamAccounts, members: assessed.map((p) => teamMember(p.assessments)) });
  const statements = assessed.map(({ person, assessments }) =>
    buildStatement({ staffId: person.staffId, grade: person.grade, period, policy, assessments, teamShare: teamShareOf(team, person.staffId) }),
  );
  return { team, statements };
};
