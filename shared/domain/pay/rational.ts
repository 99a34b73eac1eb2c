import { formatRatio } from '#shared/domain/ratio.ts';

/**
 * Exact fractions for pay (pay.md, "Numbers": no floats). Always normalised: `d > 0` and
 * `gcd(n, d) = 1`, so two equal values have equal fields.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

const gcd = (a: bigint, b: bigint): bigint => {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export const rational = (n: bigint, d = 1n): Rational => {
  if (d === 0n) throw new RangeError('rational with a zero denominator');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d);
  return g === 0n ? { n: 0n, d: 1n } : { n: (sign * n) / g, d: (sign * d) / g };
};

export const ZERO: Rational = rational(0n);
export const ONE: Rational = rational(1n);

/** A whole number (an integer `number` of fen or days, or a bigint); refuses a fraction. */
export const integer = (v: number | bigint): Rational => rational(typeof v === 'bigint' ? v : toBigInt(v));

/** An integer `number` as a bigint; a non-integer or unsafe value is a programming error. */
export const toBigInt = (v: number): bigint => {
  if (!Number.isSafeInteger(v)) throw new RangeError(`${v} is not a safe integer`);
  return BigInt(v);
};

/** A bigint back to a JSON number (fen, counts); refuses what a number cannot hold exactly. */
export const toSafeNumber = (v: bigint): number => {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`${v} does not fit a JSON number`);
  return Number(v);
};

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => {
  if (b.n === 0n) throw new RangeError('division by zero');
  return rational(a.n * b.d, a.d * b.n);
};

/** -1, 0 or 1. */
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const equals = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;
export const isZero = (a: Rational): boolean => a.n === 0n;
export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);

export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);
export const mean = (values: readonly Rational[]): Rational => {
  if (values.length === 0) throw new RangeError('mean of nothing');
  return div(sum(values), integer(values.length));
};

/** Largest integer ≤ r. */
export const floor = (r: Rational): bigint => {
  const q = r.n / r.d; // truncates toward zero
  return r.n < 0n && q * r.d !== r.n ? q - 1n : q;
};
export const ceil = (r: Rational): bigint => -floor(rational(-r.n, r.d));

/** Half-up to a whole number: ⌊r + ½⌋ (pay.md, "Numbers"; every value rounded here is ≥ 0). */
export const roundHalfUp = (r: Rational): bigint => floor(add(r, rational(1n, 2n)));

/** Half-up to `places` decimals, kept exact: R is rounded this way before the tier lookup (pay.md, "Numbers"). */
export const roundToPlaces = (r: Rational, places: number): Rational => {
  const scale = 10n ** BigInt(places);
  return rational(roundHalfUp(mul(r, rational(scale))), scale);
};

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal string such as "0.60" or "1.2", exactly. */
export const parseDecimal = (text: string): Rational => {
  const match = decimalPattern.exec(text);
  if (match === null) throw new RangeError(`"${text}" is not a decimal number`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const value = rational(BigInt(`${whole}${fraction}`), 10n ** BigInt(fraction.length));
  return sign === '-' ? rational(-value.n, value.d) : value;
};

export const isDecimal = (text: string): boolean => decimalPattern.test(text);

/** A decimal string rounded half-up to `places` (4 for ratios, api.md "Conventions"). */
export const toDecimal = (r: Rational, places = 4): string => formatRatio(r.n, r.d, places);

/** The exact decimal when there is one ("0.6", "1", "0.125"), else 4 places and the fraction. */
export const exactDecimal = (r: Rational): string => {
  let d = r.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) [d, twos] = [d / 2n, twos + 1];
  while (d % 5n === 0n) [d, fives] = [d / 5n, fives + 1];
  return d === 1n ? formatRatio(r.n, r.d, Math.max(twos, fives)) : explainRatio(r);
};

/** For explanation lines: 4 places, and the exact fraction too when 4 places do not hold it. */
export const explainRatio = (r: Rational): string => {
  const shown = toDecimal(r);
  return equals(parseDecimal(shown), r) ? shown : `${shown} (${r.n}/${r.d})`;
};

/** An integer with thousands separators, for explanation lines: 3600000n → "3,600,000". */
export const formatInteger = (v: bigint): string => {
  const digits = abs(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return v < 0n ? `-${digits}` : digits;
};

/** Fen for explanation lines: "3,600,000 fen", or a fractional target shown rounded with its exact value. */
export const explainFen = (v: bigint | Rational): string => {
  if (typeof v === 'bigint') return `${formatInteger(v)} fen`;
  return v.d === 1n ? `${formatInteger(v.n)} fen` : `${formatInteger(roundHalfUp(v))} fen (exactly ${v.n}/${v.d})`;
};
