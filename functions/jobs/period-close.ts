import { jobHandler } from '#shared/job-handler.ts';
import { PeriodCloseInput } from '#shared/schemas/jobs.ts';
import { periodToClose } from '#shared/domain/pay/close.ts';
import { closePeriod } from '#shared/usecases/close.ts';

/** The whole close in one process (local mode); in AWS the schedules run its steps as a workflow. */
export const handler = jobHandler(PeriodCloseInput, async (input) => {
  const now = new Date();
  const period = input.period ?? periodToClose(input.periodKind, input.scheduledTime === undefined ? now : new Date(input.scheduledTime));
  const result = await closePeriod(period, { actorId: 'schedule', requestId: `close-${period}-${now.getTime()}`, at: now.toISOString() });
  return { period: result.period, status: result.status, version: result.version, statements: result.statementCount, changed: result.changed };
});
