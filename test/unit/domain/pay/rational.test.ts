import { describe, expect, it } from 'vitest';
import {
  add,
  ceil,
  compare,
  div,
  exactDecimal,
  explainFen,
  explainRatio,
  floor,
  mean,
  min,
  mul,
  parseDecimal,
  rational,
  roundHalfUp,
  roundToPlaces,
  sub,
  toDecimal,
} from '#shared/domain/pay/rational.ts';

describe('exact rationals', () => {
  it('keeps every value normalised so equal values are equal objects', () => {
    expect(rational(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(rational(0n, 7n)).toEqual({ n: 0n, d: 1n });
    expect(add(rational(1n, 6n), rational(1n, 3n))).toEqual(rational(1n, 2n));
    expect(sub(rational(1n, 2n), rational(1n, 2n))).toEqual(rational(0n));
    expect(mul(rational(2n, 3n), rational(9n, 4n))).toEqual(rational(3n, 2n));
    expect(div(rational(5n, 6n), rational(5n, 3n))).toEqual(rational(1n, 2n));
    expect(mean([rational(5n, 6n), rational(1n)])).toEqual(rational(11n, 12n));
  });

  it('refuses a zero denominator and division by zero', () => {
    expect(() => rational(1n, 0n)).toThrow(RangeError);
    expect(() => div(rational(1n), rational(0n))).toThrow(RangeError);
  });

  it('compares and takes the minimum exactly', () => {
    expect(compare(rational(1n, 3n), rational(333n, 1000n))).toBe(1);
    expect(compare(rational(2n, 4n), rational(1n, 2n))).toBe(0);
    expect(min(rational(3n, 2n), parseDecimal('1.50'))).toEqual(rational(3n, 2n));
  });

  it('rounds half-up to whole numbers and to 4 places', () => {
    expect(roundHalfUp(rational(3n, 2n))).toBe(2n);
    expect(roundHalfUp(rational(5n, 2n))).toBe(3n);
    expect(roundHalfUp(rational(49_999n, 100_000n))).toBe(0n);
    expect(roundHalfUp(rational(1n, 3n))).toBe(0n);
    expect(roundToPlaces(parseDecimal('0.79995'), 4)).toEqual(parseDecimal('0.8'));
    expect(roundToPlaces(parseDecimal('0.79994999'), 4)).toEqual(parseDecimal('0.7999'));
    expect(floor(rational(-1n, 2n))).toBe(-1n);
    expect(ceil(rational(-1n, 2n))).toBe(0n);
    expect(ceil(rational(6n, 5n))).toBe(2n);
  });

  it('reads decimal strings exactly and writes them with 4 places', () => {
    expect(parseDecimal('0.60')).toEqual(rational(3n, 5n));
    expect(parseDecimal('60')).toEqual(rational(60n));
    expect(parseDecimal('-0.5')).toEqual(rational(-1n, 2n));
    expect(() => parseDecimal('1e-7')).toThrow(RangeError);
    expect(() => parseDecimal('.5')).toThrow(RangeError);
    expect(toDecimal(rational(209n, 200n))).toBe('1.0450');
    expect(toDecimal(rational(11n, 12n))).toBe('0.9167');
  });

  it('explains values exactly: the fraction when 4 places do not hold it', () => {
    expect(explainRatio(rational(3n, 4n))).toBe('0.7500');
    expect(explainRatio(rational(11n, 12n))).toBe('0.9167 (11/12)');
    expect(exactDecimal(parseDecimal('0.60'))).toBe('0.6');
    expect(exactDecimal(rational(1n))).toBe('1');
    expect(exactDecimal(rational(1n, 8n))).toBe('0.125');
    expect(explainFen(3_600_000n)).toBe('3,600,000 fen');
    expect(explainFen(rational(301n, 2n))).toBe('151 fen (exactly 301/2)');
  });
});
