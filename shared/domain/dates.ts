/** Calendar dates as `YYYY-MM-DD` strings; arithmetic in UTC so no time zone shifts a day. */
const DAY_MS = 86_400_000;

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => (toUtc(to) - toUtc(from)) / DAY_MS;

/** Days from `from` to `to`, both inclusive (0 when `to` is before `from`). */
export const daysInclusive = (from: string, to: string): number => Math.max(0, (toUtc(to) - toUtc(from)) / DAY_MS + 1);

/** Today in the company's time zone (Asia/Shanghai, UTC+8, no daylight saving). */
export const todayInShanghai = (now: Date = new Date()): string => fromUtc(now.getTime() + 8 * 3_600_000);

/** The month before the one `instant` falls in, in Asia/Shanghai: what a job run on the 1st looks back at. */
export const previousMonthInShanghai = (instant: Date): string => {
  const today = todayInShanghai(instant);
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
};
