import { describe, expect, it } from 'vitest';
import { defaultPolicy, gradePay, mergeWithDefaults, policyRates, tierIndexFor } from '#shared/domain/pay/policy.ts';
import { PayPolicyBody, PayPolicySettings } from '#shared/schemas/pay.ts';
import { add, parseDecimal, rational } from '#shared/domain/pay/rational.ts';
import { RuleViolation } from '#shared/errors.ts';

const grades = [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }];
const issues = (body: unknown) => {
  const result = PayPolicyBody.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const tiers = (rows: [string, number | string, number | string][]) => rows.map(([tier, minimum, coefficient]) => ({ tier, minimum, coefficient }));

describe('the default pay policy', () => {
  it('is pay.md\'s table', () => {
    expect(defaultPolicy.tiers).toEqual([
      { tier: 'not_completed', minimum: '0', coefficient: '0' },
      { tier: 'basically_completed', minimum: '0.80', coefficient: '0.8' },
      { tier: 'exceeded', minimum: '1.00', coefficient: '1.2' },
      { tier: 'outstanding', minimum: '1.20', coefficient: '1.5' },
    ]);
    expect(defaultPolicy.weights).toEqual({ contract: '0.60', collection: '0.25', management: '0.15' });
    expect(defaultPolicy.attainmentCap).toBe('1.50');
    expect(defaultPolicy.visitRules).toEqual({ contactLeaderPerYear: 4, salesManagerPerMonth: 1 });
    expect(defaultPolicy.reportRules).toEqual({ salesManagerPerMonth: 1 });
    expect(defaultPolicy.peerScore).toEqual({ threshold: '60' });
    expect(defaultPolicy.team).toEqual({ quarterlyPool: 0, annualPool: 0, topShare: '0.20', topWeight: '1.2' });
    expect(PayPolicySettings.safeParse(mergeWithDefaults({ grades })).success).toBe(true);
  });

  it('parses to exact rationals: the default weights add up to exactly 1', () => {
    const rates = policyRates(defaultPolicy);
    expect(add(add(rates.weights.contract, rates.weights.collection), rates.weights.management)).toEqual(rational(1n));
    expect(rates.cap).toEqual(rational(3n, 2n));
    expect(rates.tiers.map((t) => t.coefficient)).toEqual([rational(0n), rational(4n, 5n), rational(6n, 5n), rational(3n, 2n)]);
  });

  it('finds the highest tier whose minimum is at most the ratio', () => {
    const rates = policyRates(defaultPolicy);
    const at = (r: string) => rates.tiers[tierIndexFor(rates.tiers, parseDecimal(r))]?.tier;
    expect(at('0')).toBe('not_completed');
    expect(at('0.7999')).toBe('not_completed');
    expect(at('0.8000')).toBe('basically_completed');
    expect(at('0.9999')).toBe('basically_completed');
    expect(at('1.0000')).toBe('exceeded');
    expect(at('1.2000')).toBe('outstanding');
    expect(at('1.5000')).toBe('outstanding');
  });
});

describe('the PUT /v1/pay-policies/{year} body', () => {
  it('needs only grades; every omitted setting takes the default', () => {
    const body = PayPolicyBody.parse({ grades });
    expect(mergeWithDefaults(body)).toEqual({ ...defaultPolicy, grades });
  });

  it('takes rates as JSON numbers or decimal strings and returns decimal strings', () => {
    const policy = mergeWithDefaults(
      PayPolicyBody.parse({
        grades,
        weights: { contract: 0.5, collection: '0.30' },
        attainmentCap: 2,
        peerScore: { threshold: 55.5 },
        team: { quarterlyPool: 5_000_000, topShare: 0.25 },
        tiers: tiers([['not_completed', 0, 0], ['basically_completed', 0.75, '0.7'], ['exceeded', '1', 1.1], ['outstanding', 1.3, '1.6']]),
      }),
    );
    expect(policy.weights).toEqual({ contract: '0.5', collection: '0.30', management: '0.15' });
    expect(policy.attainmentCap).toBe('2');
    expect(policy.peerScore.threshold).toBe('55.5');
    expect(policy.team).toEqual({ quarterlyPool: 5_000_000, annualPool: 0, topShare: '0.25', topWeight: '1.2' });
    expect(policy.tiers[1]).toEqual({ tier: 'basically_completed', minimum: '0.75', coefficient: '0.7' });
  });

  it('refuses unknown fields at every level', () => {
    expect(issues({ grades, bonus: 1 })).toHaveLength(1);
    expect(issues({ grades, weights: { contract: 0.6, extra: 1 } })).toHaveLength(1);
    expect(issues({ grades: [{ ...grades[0], extra: 1 }] })).toHaveLength(1);
  });

  it('refuses a body without grades, with no grade, or with a grade twice', () => {
    expect(issues({})).toEqual(['grades: Invalid input: expected array, received undefined']);
    expect(issues({ grades: [] })).toHaveLength(1);
    expect(issues({ grades: [...grades, ...grades] })).toEqual(['grades: must not repeat a grade']);
    expect(issues({ grades: [{ ...grades[0], monthlyBase: 1.5 }] })).toHaveLength(1);
    expect(issues({ grades: [{ ...grades[0], monthlyBase: -1 }] })).toHaveLength(1);
  });

  it('refuses tiers out of order, not from 0, with a falling or negative coefficient, naming each bad field', () => {
    expect(issues({ grades, tiers: tiers([['not_completed', 0, 0], ['basically_completed', 1, 0.8], ['exceeded', 1, 1.2], ['outstanding', 1.2, 1.5]]) })).toEqual([
      'tiers.2.minimum: must be more than the basically_completed minimum',
    ]);
    expect(issues({ grades, tiers: tiers([['not_completed', 0.1, 0], ['basically_completed', 0.8, 0.8], ['exceeded', 1, 0.7], ['outstanding', 1.2, 1.5]]) })).toEqual([
      'tiers.0.minimum: must be 0',
      'tiers.2.coefficient: must not be less than the basically_completed coefficient',
    ]);
    expect(issues({ grades, tiers: tiers([['basically_completed', 0, 0], ['not_completed', 0.8, 0.8], ['exceeded', 1, 1.2], ['outstanding', 1.2, 1.5]]) })).toHaveLength(2);
    expect(issues({ grades, tiers: tiers([['not_completed', 0, -1], ['basically_completed', 0.8, 0.8], ['exceeded', 1, 1.2], ['outstanding', 1.2, 1.5]]) })).toEqual([
      'tiers.0.coefficient: must be a non-negative decimal such as 0.2 or "0.20"',
    ]);
    expect(issues({ grades, tiers: tiers([['not_completed', 0, 0], ['exceeded', 1, 1.2]]) })).toContainEqual(expect.stringMatching(/^tiers: Too small/));
  });

  it('refuses weights that are not positive, rates out of range, and numbers in exponent form', () => {
    expect(issues({ grades, weights: { management: 0 } })).toEqual(['weights.management: must be more than 0']);
    expect(issues({ grades, weights: { contract: '-0.6' } })).toHaveLength(1);
    expect(issues({ grades, weights: { contract: '0,6' } })).toHaveLength(1);
    expect(issues({ grades, attainmentCap: 1e-7 })).toHaveLength(1);
    expect(issues({ grades, team: { topShare: 1.2 } })).toEqual(['team.topShare: must be at most 1']);
    expect(issues({ grades, team: { topWeight: 0 } })).toHaveLength(1);
    expect(issues({ grades, team: { quarterlyPool: 10.5 } })).toHaveLength(1);
    expect(issues({ grades, peerScore: { threshold: 101 } })).toEqual(['peerScore.threshold: must be at most 100']);
    expect(issues({ grades, visitRules: { salesManagerPerMonth: 1.5 } })).toHaveLength(1);
  });
});

describe('grade pay', () => {
  it('finds the grade and refuses one the policy lacks', () => {
    const policy = mergeWithDefaults({ grades });
    expect(gradePay(policy, 'P6').monthlyBase).toBe(2_000_000);
    expect(() => gradePay(policy, 'P9')).toThrow(RuleViolation);
  });
});
