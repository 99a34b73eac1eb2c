import { describe, expect, it } from 'vitest';
import { type HealthInputs, healthFigure } from '#shared/domain/loyalty/health.ts';
import { defaultLoyaltyPolicy } from '#shared/domain/loyalty/policy.ts';
import { rational } from '#shared/domain/pay/rational.ts';

/** The worked example of the closing note (and of test/e2e/loyalty.test.ts, through the API). */
const example: HealthInputs = {
  visits: { required: 4, done: 3 },
  reports: { required: 3, done: 2 },
  plan: null,
  objectives: null,
  complaints: { overdue: 1 },
  satisfaction: { surveys: 2, overallSum: 9 },
  receivables: { openAmount: 4_000_000, overdueAmount: 1_000_000 },
  pipeline: { targetAmount: 10_000_000, wonAmount: 5_000_000, openAmount: 2_500_000 },
};

describe('account health', () => {
  it('weighs each part with a value and drops the parts without one', () => {
    const figure = healthFigure(example, defaultLoyaltyPolicy);
    const value = Object.fromEntries(figure.parts.map((p) => [p.part, p.value]));
    // By hand: visits 3/4, reports 2/3, plan and objectives none, complaints 1/(1+1),
    // satisfaction (4.5 − 1)/4, receivables 1 − 1,000,000/4,000,000, pipeline 7,500,000/10,000,000.
    expect(value).toEqual({ visits: '0.7500', reports: '0.6667', plan: null, objectives: null, complaints: '0.5000', satisfaction: '0.8750', receivables: '0.7500', pipeline: '0.7500' });
    // Weights with a value: 15 + 10 + 15 + 15 + 15 + 10 = 80.
    // 15·3/4 + 10·2/3 + 15·1/2 + 15·7/8 + 15·3/4 + 10·3/4 = 1375/24; × 100 ÷ 80 = 6875/96 = 71.6145…
    expect(figure.exact).toEqual(rational(6875n, 96n));
    expect(figure.score).toBe('71.61');
    // Each part's points: 100 × weight × value ÷ 80 (visits 100 × 15 × 0.75 ÷ 80 = 14.0625).
    expect(Object.fromEntries(figure.parts.map((p) => [p.part, p.points]))).toEqual({
      visits: '14.0625', reports: '8.3333', plan: '0.0000', objectives: '0.0000', complaints: '9.3750', satisfaction: '16.4063', receivables: '14.0625', pipeline: '9.3750',
    });
  });

  it('counts an approved plan and the objectives met on time when there is a plan', () => {
    // 1375/24 + 10 × 1 + 10 × 1/2 = 1735/24 over weights 100.
    const figure = healthFigure({ ...example, plan: { approved: true }, objectives: { due: 2, onTime: 1 } }, defaultLoyaltyPolicy);
    expect(figure.exact).toEqual(rational(1735n, 24n));
    expect(figure.score).toBe('72.29');
    expect(healthFigure({ ...example, plan: { approved: false } }, defaultLoyaltyPolicy).score).toBe('63.66');
  });

  it('is 100 when every part is perfect and 0 with nothing to measure', () => {
    const perfect: HealthInputs = { ...example, visits: { required: 4, done: 6 }, reports: { required: 3, done: 3 }, plan: { approved: true }, objectives: { due: 2, onTime: 2 }, complaints: { overdue: 0 }, satisfaction: { surveys: 1, overallSum: 5 }, receivables: { openAmount: 0, overdueAmount: 0 }, pipeline: { targetAmount: 1, wonAmount: 2, openAmount: 0 } };
    expect(healthFigure(perfect, defaultLoyaltyPolicy).score).toBe('100.00');
    const zeroWeights = { ...defaultLoyaltyPolicy, healthWeights: { ...defaultLoyaltyPolicy.healthWeights, complaints: 0, receivables: 0 } };
    const empty: HealthInputs = { ...example, visits: { required: 0, done: 0 }, reports: { required: 0, done: 0 }, satisfaction: null, pipeline: null };
    expect(healthFigure(empty, zeroWeights).score).toBe('0.00');
  });

  it('is reproducible: the same inputs give the same figure and lines', () => {
    expect(healthFigure(example, defaultLoyaltyPolicy)).toEqual(healthFigure(structuredClone(example), defaultLoyaltyPolicy));
  });
});
