import { describe, expect, it } from 'vitest';
import { healthIn, loyaltyLine } from '#shared/domain/loyalty/explain.ts';
import { type HealthInputs, healthFigure } from '#shared/domain/loyalty/health.ts';
import { approve, incentiveCost, newIncentive } from '#shared/domain/loyalty/incentives.ts';
import { defaultLoyaltyPolicy } from '#shared/domain/loyalty/policy.ts';

/** Two sets of inputs between them reach every line the health rules write: each part with a value and without one. */
const full: HealthInputs = {
  visits: { required: 4, done: 3 },
  reports: { required: 3, done: 2 },
  plan: { approved: true },
  objectives: { due: 2, onTime: 1 },
  complaints: { overdue: 1 },
  satisfaction: { surveys: 3, overallSum: 10 },
  receivables: { openAmount: 4_000_000, overdueAmount: 1_000_000 },
  pipeline: { targetAmount: 10_000_000, wonAmount: 5_000_000, openAmount: 2_500_000 },
};
const empty: HealthInputs = {
  visits: { required: 0, done: 0 },
  reports: { required: 0, done: 0 },
  plan: null,
  objectives: null,
  complaints: { overdue: 0 },
  satisfaction: null,
  receivables: { openAmount: 0, overdueAmount: 0 },
  pipeline: null,
};
const noWeights = { ...defaultLoyaltyPolicy, healthWeights: Object.fromEntries(Object.keys(defaultLoyaltyPolicy.healthWeights).map((k) => [k, 0])) as typeof defaultLoyaltyPolicy.healthWeights };

/** What is left of a rendered line once numbers, ids, part names and the formula's signs are taken out: Latin words mean an untranslated line. */
const latinWords = (line: string) => line.replace(/\b(visits|reports|plan|objectives|complaints|satisfaction|receivables|pipeline)\b/g, '').match(/[A-Za-z]{2,}/g) ?? [];

describe('loyalty explanation lines in Chinese (shared/domain/loyalty/explain.ts)', () => {
  it('renders every line the health rules can write, keeping each number', () => {
    const figures = [healthFigure(full, defaultLoyaltyPolicy), healthFigure(empty, defaultLoyaltyPolicy), healthFigure(full, noWeights), healthFigure({ ...full, plan: { approved: false } }, defaultLoyaltyPolicy)];
    const lines = [...new Set(figures.flatMap((f) => [...f.explanation, ...f.parts.map((p) => p.explanation)]))];
    expect(lines.length).toBeGreaterThanOrEqual(20);
    for (const line of lines) {
      const zh = loyaltyLine(line, 'zh');
      expect(zh, line).not.toBe(line);
      expect(latinWords(zh), `${line} → ${zh}`).toEqual([]);
      expect((zh.match(/\d[\d,./]*/g) ?? []).sort(), line).toEqual((line.match(/\d[\d,./]*/g) ?? []).sort());
    }
    expect(loyaltyLine('as of 2026-03-31', 'zh')).toBe('截至 2026-03-31');
    expect(loyaltyLine('3 of 4 visits due were made', 'en')).toBe('3 of 4 visits due were made');
  });

  it('renders every incentive cost basis: a discount, an amount, a rule alone', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const approved = (id: string, input: Parameters<typeof newIncentive>[2]) => approve(newIncentive(id, 'A', input, 'p', at), [], 'q', at);
    const { lines } = incentiveCost(
      [
        approved('d', { kind: 'discount', rateBasisPoints: 500, validFrom: '2026-01-01', validTo: '2026-12-31', description: 'x' }),
        approved('r', { kind: 'rebate', amount: 100_000, validFrom: '2026-01-01', validTo: '2026-12-31', description: 'x' }),
        approved('w', { kind: 'reward', rule: '回款奖励', validFrom: '2026-01-01', validTo: '2026-12-31', description: 'x' }),
      ],
      [{ wonOn: '2026-02-10', contractAmount: 5_000_000 }],
      2026,
    );
    expect(lines.map((l) => loyaltyLine(l.basis, 'zh'))).toEqual(['有效期内签约 1 个项目共 5000000 分的 500 个基点', '100000 分，2026 年有效', '仅有规则、没有金额：不计入']);
  });

  it('renders a figure’s lines and its parts’ lines, the rest as it was', () => {
    const figure = healthFigure(full, defaultLoyaltyPolicy);
    const zh = healthIn(figure, 'zh');
    expect(zh.score).toBe(figure.score);
    expect(zh.parts.map((p) => [p.part, p.value, p.points])).toEqual(figure.parts.map((p) => [p.part, p.value, p.points]));
    expect(zh.parts.every((p, i) => p.explanation !== figure.parts[i]?.explanation)).toBe(true);
    expect(healthIn(figure, 'en')).toBe(figure);
  });
});
