import { describe, expect, it } from 'vitest';
import { clipToPeriod, daysIn, parsePayPeriod, parsePeriod, periodProblem, touchesMonth } from '#shared/domain/pay/period.ts';
import { rational } from '#shared/domain/pay/rational.ts';
import { BadRequest } from '#shared/errors.ts';

describe('parsing a period', () => {
  it('reads a quarter with both ends inclusive, its days, months and quarters', () => {
    const p = parsePeriod('2026-Q1');
    expect(p).toMatchObject({ id: '2026-Q1', kind: 'quarter', year: 2026, from: '2026-01-01', to: '2026-03-31', days: 90, months: 3, quarterIndexes: [1] });
    expect(p.quarters).toEqual(rational(1n));
    expect(p.monthIds).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(parsePeriod('2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2026-12-31', days: 92, quarterIndexes: [4] });
    expect(parsePeriod('2028-Q1').days).toBe(91);
  });

  it('reads a year as four quarters and twelve months, leap years included', () => {
    const p = parsePeriod('2026');
    expect(p).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31', days: 365, months: 12, quarterIndexes: [1, 2, 3, 4] });
    expect(p.quarters).toEqual(rational(4n));
    expect(parsePeriod('2028').days).toBe(366);
  });

  it('reads a month as a third of a quarter in the quarter it lies in', () => {
    const p = parsePeriod('2026-02');
    expect(p).toMatchObject({ kind: 'month', from: '2026-02-01', to: '2026-02-28', days: 28, months: 1, quarterIndexes: [1], monthIds: ['2026-02'] });
    expect(p.quarters).toEqual(rational(1n, 3n));
    expect(parsePeriod('2028-02').days).toBe(29);
    expect(parsePeriod('2026-12')).toMatchObject({ to: '2026-12-31', quarterIndexes: [4] });
    expect(parsePeriod('2026-07').quarterIndexes).toEqual([3]);
  });

  it('refuses anything else with a 400 on period', () => {
    for (const id of ['2026-Q5', '2026-Q0', '2026-13', '2026-00', '26-Q1', '2026Q1', '2026-q1', ' 2026', '2026-1', '2026-H1', '', '2026-01-01']) {
      expect(periodProblem(id), id).toMatch(/^must be a period /);
      expect(() => parsePeriod(id), id).toThrow(BadRequest);
    }
  });

  it('refuses a month where only quarters and years are pay periods', () => {
    expect(() => parsePayPeriod('2026-03')).toThrow(BadRequest);
    expect(periodProblem('2026-03', ['quarter', 'year'])).toBe('must be a period YYYY-Qn or YYYY');
    expect(parsePayPeriod('2026').kind).toBe('year');
  });
});

describe('intervals within a period', () => {
  const q1 = parsePeriod('2026-Q1');

  it('clips open and outlying intervals to the period and merges overlaps and neighbours', () => {
    const ranges = clipToPeriod(
      [
        { from: '2026-03-01', to: null },
        { from: '2025-06-01', to: '2026-01-10' },
        { from: '2026-01-11', to: '2026-01-20' },
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-04-01', to: null },
      ],
      q1,
    );
    expect(ranges).toEqual([
      { from: '2026-01-01', to: '2026-01-31' },
      { from: '2026-03-01', to: '2026-03-31' },
    ]);
    expect(daysIn(ranges)).toBe(62);
    expect(touchesMonth('2026-02', ranges)).toBe(false);
    expect(touchesMonth('2026-03', ranges)).toBe(true);
  });

  it('drops an interval that ends before it starts or misses the period', () => {
    expect(clipToPeriod([{ from: '2026-02-10', to: '2026-02-09' }, { from: '2025-01-01', to: '2025-12-31' }], q1)).toEqual([]);
  });
});
