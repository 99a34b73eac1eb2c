import { jobHandler } from '#shared/job-handler.ts';
import { CloseBatchInput } from '#shared/schemas/jobs.ts';
import { gatherBatch, keepGathered } from '#shared/usecases/close.ts';

/** Workflow step 2 (one Map item): gather one batch of key accounts into per-person partial sums and keep them for the finish. */
export const handler = jobHandler(CloseBatchInput, async ({ period, runId, cursor }) => {
  const batch = await gatherBatch(period, cursor);
  await keepGathered(period, runId, batch, new Date());
  return { period, accounts: batch.accounts };
});
