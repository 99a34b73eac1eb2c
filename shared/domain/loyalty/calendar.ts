import { addDays } from '#shared/domain/dates.ts';

/*
 * Working days in Asia/Shanghai (issue 13 item 1): Monday to Friday, less the public
 * holidays of the year's calendar, plus the weekend days it makes working days (调休).
 * Dates are company days already (`todayInShanghai`), so no time zone enters here.
 */

export interface HolidayCalendar {
  year: number;
  /** Days off that would be working days. */
  holidays: readonly string[];
  /** Weekend days that are worked (make-up days). */
  workdays: readonly string[];
}

/** The calendars of the years a count may cross; a year with none set has weekends only. */
export type Calendars = ReadonlyMap<number, HolidayCalendar>;

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export const isWorkingDay = (date: string, calendars: Calendars): boolean => {
  const calendar = calendars.get(Number(date.slice(0, 4)));
  if (calendar?.holidays.includes(date)) return false;
  if (calendar?.workdays.includes(date)) return true;
  const day = weekday(date);
  return day !== 0 && day !== 6;
};

/** The `n`th working day after `from` (from itself not counted): "within n working days" of receipt ends on it. */
export const addWorkingDays = (from: string, n: number, calendars: Calendars): string => {
  let day = from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendars)) left -= 1;
  }
  return day;
};

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export const workingDaysAfter = (from: string, to: string, calendars: Calendars): number => {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, calendars)) count += 1;
  return count;
};

/** The years whose calendars a deadline counted from `from` may need (a count of weeks at most spans two). */
export const yearsFrom = (from: string, maxDays: number): number[] => {
  const first = Number(from.slice(0, 4));
  const last = Number(addDays(from, maxDays * 2 + 30).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
};
