import { describe, expect, it } from 'vitest';
import { paretoCut } from '#shared/domain/pareto.ts';
import { formatRatio } from '#shared/domain/ratio.ts';

const marked = (result: ReturnType<typeof paretoCut>) => result.ranked.filter((r) => r.inCoreSet).map((r) => r.accountId);

describe('the Pareto cut', () => {
  it('marks the smallest leading set that reaches 80 % and gives exact shares', () => {
    const result = paretoCut([
      { accountId: 'C', amount: 10_00 },
      { accountId: 'A', amount: 50_00 },
      { accountId: 'D', amount: 10_00 },
      { accountId: 'B', amount: 30_00 },
    ]);
    expect(result.total).toBe(100_00);
    expect(marked(result)).toEqual(['A', 'B']);
    expect(result.ranked.map((r) => [r.accountId, r.rank, r.share, r.cumulativeShare])).toEqual([
      ['A', 1, '0.5000', '0.5000'],
      ['B', 2, '0.3000', '0.8000'],
      ['C', 3, '0.1000', '0.9000'],
      ['D', 4, '0.1000', '1.0000'],
    ]);
  });

  it('breaks ties by account id, so the same data always gives the same set', () => {
    const result = paretoCut([
      { accountId: 'Z', amount: 40 },
      { accountId: 'Y', amount: 40 },
      { accountId: 'X', amount: 20 },
    ]);
    expect(marked(result)).toEqual(['Y', 'Z']);
    expect(marked(paretoCut([...result.ranked].reverse()))).toEqual(['Y', 'Z']);
  });

  it('marks nothing when there is no revenue at all', () => {
    const result = paretoCut([{ accountId: 'A', amount: 0 }, { accountId: 'B', amount: 0 }]);
    expect(marked(result)).toEqual([]);
    expect(result.ranked.map((r) => r.share)).toEqual(['0.0000', '0.0000']);
  });

  it('marks a lone account with revenue, and copes with none', () => {
    expect(marked(paretoCut([{ accountId: 'A', amount: 1 }]))).toEqual(['A']);
    expect(paretoCut([]).ranked).toEqual([]);
  });

  it('stops as soon as 80 % is reached, not one account later', () => {
    expect(marked(paretoCut([{ accountId: 'A', amount: 80 }, { accountId: 'B', amount: 20 }]))).toEqual(['A']);
    expect(marked(paretoCut([{ accountId: 'A', amount: 79 }, { accountId: 'B', amount: 21 }]))).toEqual(['A', 'B']);
  });
});

describe('exact ratios', () => {
  it('round half-up at the fourth place', () => {
    expect(formatRatio(1045n, 1000n)).toBe('1.0450');
    expect(formatRatio(1n, 3n)).toBe('0.3333');
    expect(formatRatio(2n, 3n)).toBe('0.6667');
    expect(formatRatio(5n, 100_000n)).toBe('0.0001');
    expect(formatRatio(4n, 100_000n)).toBe('0.0000');
    expect(formatRatio(0n, 7n)).toBe('0.0000');
    expect(formatRatio(11n, 12n)).toBe('0.9167');
  });
});
