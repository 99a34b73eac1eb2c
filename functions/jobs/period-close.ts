import { previousMonthInShanghai } from '#shared/domain/dates.ts';
import { jobHandler } from '#shared/job-handler.ts';
import { PeriodCloseInput } from '#shared/schemas/jobs.ts';
import { closePeriod } from '#shared/usecases/close.ts';

/** The period that ended just before the schedule fired (01:30 on the 1st in Shanghai looks back one month). */
const endedPeriod = (kind: 'quarter' | 'year', instant: Date): string => {
  const month = previousMonthInShanghai(instant);
  return kind === 'year' ? month.slice(0, 4) : `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
};

export const handler = jobHandler(PeriodCloseInput, async (input) => {
  const now = new Date();
  const period = input.period ?? endedPeriod(input.periodKind, input.scheduledTime === undefined ? now : new Date(input.scheduledTime));
  const result = await closePeriod(period, { actorId: 'schedule', requestId: `close-${period}-${now.getTime()}`, at: now.toISOString() });
  return { period: result.period, status: result.status, version: result.version, statements: result.statements.length, changed: result.changed };
});
