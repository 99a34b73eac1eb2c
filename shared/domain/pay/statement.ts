import type { PriorPeriodAdjustment } from '#shared/domain/pay/adjustments.ts';
import { type Assessment, type AssessmentAccount, type AssessmentView, type RolePartial, assessFromPartial, rolePartialOf } from '#shared/domain/pay/assessment.ts';
import type { MeetingFact } from '#shared/domain/pay/compliance.ts';
import type { Period } from '#shared/domain/pay/period.ts';
import { type PayPolicy, gradePay } from '#shared/domain/pay/policy.ts';
import { explainFen, toBigInt, toSafeNumber } from '#shared/domain/pay/rational.ts';
import { type TeamAccount, type TeamResult, type TeamTotals, addTeamAccount, noTeamTotals, teamBonusFromTotals, teamMember, teamShareOf } from '#shared/domain/pay/team.ts';

/** An approved manual adjustment (issue 11, item 2): counted once a second person approved it. */
export interface ManualAdjustment {
  kind: 'manual';
  period?: string;
  amount: number;
  reason: string;
  id: string;
  category: string;
  approvedBy: string;
}

/** What a statement adds to its own pay: prior-period adjustments (late records) and manual ones. */
export type Adjustment = PriorPeriodAdjustment | ManualAdjustment;

/** One person's statement for P (pay.md, "Statements"); money in integer fen. */
export interface Statement {
  staffId: string;
  period: string;
  grade: string;
  basePay: number;
  performancePay: number;
  teamShare: number;
  /** basePay + performancePay + teamShare + Σ adjustments. */
  total: number;
  assessments: AssessmentView[];
  adjustments: Adjustment[];
  explanation: string[];
}

/** An approved manual adjustment of the period, as the desk keeps it (shared/schemas/pay-desk.ts). */
export interface ApprovedAdjustment {
  readonly id: string;
  readonly staffId: string;
  readonly amount: number;
  readonly category: string;
  readonly reason: string;
  readonly approvedBy: string;
}

/** One person's approved manual adjustments as statement adjustments, oldest id first. */
export const manualAdjustmentsOf = (approved: readonly ApprovedAdjustment[], staffId: string): ManualAdjustment[] =>
  approved
    .filter((a) => a.staffId === staffId)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((a) => ({ kind: 'manual', id: a.id, category: a.category, amount: a.amount, reason: a.reason, approvedBy: a.approvedBy }));

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
    adjustments: [],
    explanation,
  };
};

const signedFen = (fen: bigint): string => (fen < 0n ? `-${explainFen(-fen)}` : `+${explainFen(fen)}`);

/**
 * The statement with these adjustments (replacing any it had): the total becomes its own
 * pay plus their sum, and the explanation says each one and the new total. Sorted, so the
 * same adjustments always give the same statement.
 */
export const withAdjustments = (statement: Statement, adjustments: readonly Adjustment[]): Statement => {
  const sorted = [...adjustments].sort((a, b) => a.kind.localeCompare(b.kind) || (a.period ?? '').localeCompare(b.period ?? '') || a.reason.localeCompare(b.reason));
  const own = BigInt(statement.basePay) + BigInt(statement.performancePay) + BigInt(statement.teamShare);
  const added = sorted.reduce((sum, a) => sum + BigInt(a.amount), 0n);
  const total = own + added;
  const lines = statement.explanation.filter((l) => !l.startsWith('Total: ') && !l.startsWith('Adjustment '));
  const adjustmentLines = sorted.map((a) => `Adjustment ${a.kind === 'prior_period' ? `prior period ${a.period ?? ''}` : 'manual'}: ${signedFen(BigInt(a.amount))} (${a.reason})`);
  const signed = sorted.map((a) => ` ${signedFen(BigInt(a.amount))}`).join('');
  const totalLine = `Total: ${explainFen(BigInt(statement.basePay))} + ${explainFen(BigInt(statement.performancePay))} + ${explainFen(BigInt(statement.teamShare))}${signed} = ${explainFen(total)}`;
  return { ...statement, adjustments: sorted, total: toSafeNumber(total), explanation: [...lines, ...adjustmentLines, totalLine] };
};

/** A statement for someone not assessed in P who is owed (or owes) adjustments: nothing of P's own. */
export const adjustmentsOnlyStatement = (staffId: string, grade: string, period: Period, adjustments: readonly Adjustment[]): Statement =>
  withAdjustments(
    { staffId, period: period.id, grade, basePay: 0, performancePay: 0, teamShare: 0, total: 0, assessments: [], adjustments: [], explanation: [`Not assessed in ${period.id}: only adjustments for earlier periods`] },
    adjustments,
  );

/** Who a person is to the close: their grade and the scores they received for P. */
interface CloseSubject {
  readonly staffId: string;
  readonly grade: string;
  readonly peerScores: readonly number[];
}

/** What every close calculation is given besides its people: the period, its policy and the meetings held in P. */
interface CloseBasis {
  readonly period: Period;
  readonly policy: PayPolicy;
  readonly meetings: readonly MeetingFact[];
}

/** A person for the close, with the accounts they held in P. */
export interface ClosePerson extends CloseSubject {
  readonly accounts: readonly AssessmentAccount[];
}

export interface CloseInput extends CloseBasis {
  readonly people: readonly ClosePerson[];
  /** Every key account once, for the team totals. */
  readonly teamAccounts: readonly TeamAccount[];
}

/** A person for the close from partial sums: a partial per role held (contact leader first). */
export interface PartialPerson extends CloseSubject {
  readonly roles: readonly RolePartial[];
}

export interface PartialCloseInput extends CloseBasis {
  readonly people: readonly PartialPerson[];
  /** The team's sums over every key account once. */
  readonly team: TeamTotals;
}

/** A person's partials from their accounts: one per role held on some day of P, contact leader first (as `assessPerson`). */
export const rolePartials = (staffId: string, accounts: readonly AssessmentAccount[], period: Period, policy: PayPolicy): RolePartial[] =>
  (['contact_leader', 'sales_manager'] as const).map((role) => rolePartialOf(accounts, staffId, role, period, policy)).filter((p) => p.compliance.accounts > 0);

/**
 * The close's calculation from per-person partial sums: assessments, the team bonus, then
 * one statement per person assessed (the team is everyone assessed in P, pay.md "Team bonus").
 * What it holds grows with the people, not with the accounts' records.
 */
export const closeFromPartials = (input: PartialCloseInput): { team: TeamResult; statements: Statement[] } => {
  const { period, policy, meetings } = input;
  const assessed = input.people
    .map((person) => ({ person, assessments: person.roles.map((partial) => assessFromPartial(partial, { grade: person.grade, period, policy, meetings, peerScores: person.peerScores })) }))
    .filter((p) => p.assessments.length > 0);
  const team = teamBonusFromTotals({ period, policy, totals: input.team, members: assessed.map((p) => teamMember(p.assessments)) });
  const statements = assessed.map(({ person, assessments }) =>
    buildStatement({ staffId: person.staffId, grade: person.grade, period, policy, assessments, teamShare: teamShareOf(team, person.staffId) }),
  );
  return { team, statements };
};

/**
 * The whole calculation of a close over plain data: assessments, the team bonus, then one
 * statement per person assessed (the team is everyone assessed in P, pay.md "Team bonus").
 */
export const closeStatements = (input: CloseInput): { team: TeamResult; statements: Statement[] } => {
  const { period, policy } = input;
  const team = noTeamTotals();
  for (const account of input.teamAccounts) addTeamAccount(team, account, period);
  return closeFromPartials({
    period,
    policy,
    meetings: input.meetings,
    team,
    people: input.people.map((p) => ({ staffId: p.staffId, grade: p.grade, peerScores: p.peerScores, roles: rolePartials(p.staffId, p.accounts, period, policy) })),
  });
};
