import { randomUUID } from 'node:crypto';
import { jobHandler } from '#shared/job-handler.ts';
import { PeriodCloseInput } from '#shared/schemas/jobs.ts';
import { periodToClose } from '#shared/domain/pay/close.ts';
import { planClose } from '#shared/usecases/close.ts';

/** Workflow step 1: lock the period and cut its key accounts into batches for the Map. */
export const handler = jobHandler(PeriodCloseInput, async (input) => {
  const period = input.period ?? periodToClose(input.periodKind, input.scheduledTime === undefined ? new Date() : new Date(input.scheduledTime));
  return planClose(period, input.runId ?? randomUUID());
});
