import { type Rational, ONE, ZERO, compare, div, explainRatio, formatInteger, integer, min, mul, rational, sub, sum, toDecimal } from '#shared/domain/pay/rational.ts';
import { type HealthPart, type LoyaltyPolicy, healthParts } from '#shared/domain/loyalty/policy.ts';

/*
 * Account health (issue 13 item 6): one figure 0–100 per key account and period, from
 * parts each worth 0–1 and weighted by the policy. A part with nothing to measure (no
 * visits due, no survey, no target) has no value and its weight drops out:
 *   score = 100 × Σ weight × value ÷ Σ weight, over the parts with a value,
 * kept exact and rounded half up to 2 places once, at the end.
 *
 *   visits       done ÷ required, at most 1
 *   reports      done ÷ required, at most 1
 *   plan         1 if the account plan of the period is approved, else 0
 *   objectives   objectives met on time ÷ objectives due
 *   complaints   1 ÷ (1 + complaints open past their deadline)
 *   satisfaction (mean overall − 1) ÷ 4 over the period's surveys (1 → 0, 5 → 1)
 *   receivables  1 − overdue ÷ open receivables (1 with nothing open)
 *   pipeline     (won + open pipeline) ÷ contract target, at most 1
 */

export interface HealthInputs {
  visits: { required: number; done: number };
  reports: { required: number; done: number };
  /** From the account plan (issue 12); null until one exists for the period. */
  plan: { approved: boolean } | null;
  objectives: { due: number; onTime: number } | null;
  complaints: { overdue: number };
  satisfaction: { surveys: number; overallSum: number } | null;
  receivables: { openAmount: number; overdueAmount: number };
  pipeline: { targetAmount: number; wonAmount: number; openAmount: number } | null;
}

export interface PartResult {
  part: HealthPart;
  weight: number;
  value: Rational | null;
  explanation: string;
}

const capped = (done: number, required: number): Rational => min(ONE, rational(BigInt(done), BigInt(required)));

const fen = (v: number) => `${formatInteger(BigInt(v))} fen`;

/** Each part's value and the line that explains it. */
export const healthPartsOf = (inputs: HealthInputs, policy: LoyaltyPolicy): PartResult[] => {
  const w = policy.healthWeights;
  const parts: Record<HealthPart, Omit<PartResult, 'part' | 'weight'>> = {
    visits:
      inputs.visits.required === 0
        ? { value: null, explanation: 'no visits were due' }
        : { value: capped(inputs.visits.done, inputs.visits.required), explanation: `${inputs.visits.done} of ${inputs.visits.required} visits due were made` },
    reports:
      inputs.reports.required === 0
        ? { value: null, explanation: 'no reports were due' }
        : { value: capped(inputs.reports.done, inputs.reports.required), explanation: `${inputs.reports.done} of ${inputs.reports.required} monthly reports due were filed` },
    plan:
      inputs.plan === null
        ? { value: null, explanation: 'no account plan to judge' }
        : { value: inputs.plan.approved ? ONE : ZERO, explanation: inputs.plan.approved ? 'the account plan is approved' : 'the account plan is not approved' },
    objectives:
      inputs.objectives === null || inputs.objectives.due === 0
        ? { value: null, explanation: 'no plan objectives were due' }
        : { value: rational(BigInt(inputs.objectives.onTime), BigInt(inputs.objectives.due)), explanation: `${inputs.objectives.onTime} of ${inputs.objectives.due} objectives due were met on time` },
    complaints: {
      value: rational(1n, BigInt(1 + inputs.complaints.overdue)),
      explanation: `${inputs.complaints.overdue} complaint(s) open past their deadline: 1 ÷ (1 + ${inputs.complaints.overdue})`,
    },
    satisfaction:
      inputs.satisfaction === null || inputs.satisfaction.surveys === 0
        ? { value: null, explanation: 'no satisfaction survey in the period' }
        : (() => {
            const mean = rational(BigInt(inputs.satisfaction.overallSum), BigInt(inputs.satisfaction.surveys));
            return { value: div(sub(mean, ONE), integer(4)), explanation: `mean overall satisfaction ${explainRatio(mean)} of 5 over ${inputs.satisfaction.surveys} survey(s): (mean − 1) ÷ 4` };
          })(),
    receivables:
      inputs.receivables.openAmount === 0
        ? { value: ONE, explanation: 'no open receivables' }
        : {
            value: sub(ONE, rational(BigInt(inputs.receivables.overdueAmount), BigInt(inputs.receivables.openAmount))),
            explanation: `${fen(inputs.receivables.overdueAmount)} overdue of ${fen(inputs.receivables.openAmount)} open: 1 − overdue ÷ open`,
          },
    pipeline:
      inputs.pipeline === null || inputs.pipeline.targetAmount === 0
        ? { value: null, explanation: 'no contract target for the year' }
        : {
            value: min(ONE, rational(BigInt(inputs.pipeline.wonAmount + inputs.pipeline.openAmount), BigInt(inputs.pipeline.targetAmount))),
            explanation: `won ${fen(inputs.pipeline.wonAmount)} + open pipeline ${fen(inputs.pipeline.openAmount)} against the target ${fen(inputs.pipeline.targetAmount)}, at most 1`,
          },
  };
  return healthParts.map((part) => ({ part, weight: w[part], ...parts[part] }));
};

export interface HealthFigure {
  /** Exact: 100 × Σ weight × value ÷ Σ weight. */
  exact: Rational;
  score: string;
  parts: { part: HealthPart; weight: number; value: string | null; points: string; explanation: string }[];
  explanation: string[];
}

export const healthFigure = (inputs: HealthInputs, policy: LoyaltyPolicy): HealthFigure => {
  const parts = healthPartsOf(inputs, policy);
  const counted = parts.filter((p) => p.value !== null && p.weight > 0);
  const weightSum = counted.reduce((s, p) => s + p.weight, 0);
  const pointsOf = (p: PartResult): Rational => (p.value === null || weightSum === 0 ? ZERO : div(mul(integer(100 * p.weight), p.value), integer(weightSum)));
  const exact = sum(counted.map(pointsOf));
  const score = toDecimal(exact, 2);
  const shown = parts.map((p) => ({
    part: p.part,
    weight: p.weight,
    value: p.value === null ? null : toDecimal(p.value),
    points: toDecimal(pointsOf(p)),
    explanation: p.explanation,
  }));
  const terms = counted.map((p) => `${p.weight} × ${explainRatio(p.value ?? ZERO)}`).join(' + ');
  const explanation = [
    `parts with a value: ${counted.map((p) => p.part).join(', ') || 'none'}; their weights add up to ${weightSum}`,
    weightSum === 0 ? 'nothing to measure: the score is 0' : `score = 100 × (${terms}) ÷ ${weightSum} = ${explainRatio(exact)} → ${score}`,
  ];
  return { exact, score, parts: shown, explanation };
};

/** Worst first, then by account id: the coordination group's ranked list. */
export const byHealthWorstFirst = (a: { exact: Rational; accountId: string }, b: { exact: Rational; accountId: string }): number =>
  compare(a.exact, b.exact) || a.accountId.localeCompare(b.accountId);

/** A sort key for the ranked index: the score in hundredths, zero-padded (00000 … 10000). */
export const healthSortKey = (score: string): string => String(Math.round(Number(score) * 100)).padStart(5, '0');

