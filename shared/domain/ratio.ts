/**
 * Exact ratios: integers in, a decimal string out, rounded half-up once at the end
 * (pay.md, "Numbers"). `formatRatio(1045n, 1000n)` → "1.0450".
 */
export const formatRatio = (numerator: bigint, denominator: bigint, places = 4): string => {
  if (denominator === 0n) throw new RangeError('ratio with a zero denominator');
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scale = 10n ** BigInt(places);
  const scaled = (n * scale * 2n + d) / (2n * d); // half-up
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, '0');
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
};
