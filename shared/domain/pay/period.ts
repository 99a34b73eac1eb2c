import { addDays, daysInclusive } from '#shared/domain/dates.ts';
import { type Rational, rational } from '#shared/domain/pay/rational.ts';
import { BadRequest, fieldError } from '#shared/errors.ts';
import { type Message, msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export type PeriodKind = 'quarter' | 'year' | 'month';
export type QuarterIndex = 1 | 2 | 3 | 4;

/** A pay period `YYYY-Qn` or `YYYY` (pay.md, "Numbers"), or a month `YYYY-MM` (compliance only, api.md). */
export interface Period {
  id: string;
  kind: PeriodKind;
  year: number;
  /** First and last day, both inclusive. */
  from: string;
  to: string;
  days: number;
  months: number;
  /** Quarters in P: 1, 4, or 1/3 for a month. */
  quarters: Rational;
  /** The quarters of `year` that P lies in. */
  quarterIndexes: readonly QuarterIndex[];
  /** Its months, `YYYY-MM`. */
  monthIds: readonly string[];
}

const pattern = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
const pad = (n: number): string => String(n).padStart(2, '0');

/** Why `id` is not a period of the given kinds, or undefined when it is one. */
export const periodFault = (id: string, kinds: readonly PeriodKind[] = ['quarter', 'year', 'month']): Message | undefined => {
  const match = pattern.exec(id);
  const kind: PeriodKind | undefined = match === null ? undefined : match[2] !== undefined ? 'quarter' : match[3] !== undefined ? 'month' : 'year';
  if (kind === undefined || !kinds.includes(kind)) {
    const shapes = kinds.map((k) => ({ quarter: 'YYYY-Qn', year: 'YYYY', month: 'YYYY-MM' })[k]);
    return msg(M.field_periodShapes, { shapes });
  }
  return undefined;
};
/** The same in English. */
export const periodProblem = (id: string, kinds?: readonly PeriodKind[]): string | undefined => periodFault(id, kinds)?.text('en');

/** Parses a period id; anything else is a 400 on `period`. */
export const parsePeriod = (id: string, kinds: readonly PeriodKind[] = ['quarter', 'year', 'month']): Period => {
  const problem = periodFault(id, kinds);
  const match = pattern.exec(id);
  if (problem !== undefined || match === null) throw new BadRequest(msg(M.period_notAPeriod, { id }), [fieldError('period', problem ?? msg(M.field_notAPeriod))]);
  const year = Number(match[1]);
  const quarter = match[2] === undefined ? undefined : (Number(match[2]) as QuarterIndex);
  const month = match[3] === undefined ? undefined : Number(match[3]);
  const firstMonth = quarter !== undefined ? 3 * quarter - 2 : (month ?? 1);
  const months = quarter !== undefined ? 3 : month !== undefined ? 1 : 12;
  const from = `${year}-${pad(firstMonth)}-01`;
  const next = firstMonth + months > 12 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + months)}-01`;
  const to = addDays(next, -1);
  const monthIds = Array.from({ length: months }, (_, i) => `${year}-${pad(firstMonth + i)}`);
  const quarterIndexes: QuarterIndex[] =
    quarter !== undefined ? [quarter] : month !== undefined ? [Math.ceil(month / 3) as QuarterIndex] : [1, 2, 3, 4];
  return {
    id,
    kind: quarter !== undefined ? 'quarter' : month !== undefined ? 'month' : 'year',
    year,
    from,
    to,
    days: daysInclusive(from, to),
    months,
    quarters: rational(BigInt(months), 3n),
    quarterIndexes,
    monthIds,
  };
};

/** The pay close runs on quarters and years only (pay.md, "Numbers"). */
export const parsePayPeriod = (id: string): Period => parsePeriod(id, ['quarter', 'year']);

/** A closed range of days, both ends inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** An interval as stored (assignment, key-account status): `to` null while open. */
export interface OpenRange {
  from: string;
  to: string | null;
}

/** The intervals clipped to P, sorted and merged, so no day counts twice. */
export const clipToPeriod = (ranges: readonly OpenRange[], period: Period): DayRange[] => {
  const clipped = ranges
    .map((r) => ({ from: r.from > period.from ? r.from : period.from, to: r.to === null || r.to > period.to ? period.to : r.to }))
    .filter((r) => r.from <= r.to)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: DayRange[] = [];
  for (const r of clipped) {
    const last = merged[merged.length - 1];
    if (last !== undefined && addDays(last.to, 1) >= r.from) {
      if (r.to > last.to) last.to = r.to;
    } else merged.push({ ...r });
  }
  return merged;
};

export const daysIn = (ranges: readonly DayRange[]): number => ranges.reduce((total, r) => total + daysInclusive(r.from, r.to), 0);

export const inRanges = (day: string, ranges: readonly DayRange[]): boolean => ranges.some((r) => r.from <= day && day <= r.to);

/** Whether any day of month `YYYY-MM` lies in the ranges. */
export const touchesMonth = (month: string, ranges: readonly DayRange[]): boolean =>
  ranges.some((r) => r.from.slice(0, 7) <= month && month <= r.to.slice(0, 7));

/** Days in the ranges ÷ days in P (pay.md, step 1). */
export const fractionOf = (ranges: readonly DayRange[], period: Period): Rational => rational(BigInt(daysIn(ranges)), BigInt(period.days));

export const describeRanges = (ranges: readonly DayRange[]): string =>
  ranges.length === 0 ? 'no day' : ranges.map((r) => (r.from === r.to ? r.from : `${r.from}..${r.to}`)).join(', ');

