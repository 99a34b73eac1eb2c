import { saveCloseWork } from '#shared/db/pay.ts';
import { jobHandler } from '#shared/job-handler.ts';
import { CloseBatchInput } from '#shared/schemas/jobs.ts';
import { gatherBatch } from '#shared/usecases/close.ts';

const twoDays = 2 * 24 * 60 * 60;

/** Workflow step 2 (one Map item): gather one batch of key accounts and keep it for the finish. */
export const handler = jobHandler(CloseBatchInput, async ({ period, runId, cursor }) => {
  const accounts = await gatherBatch(period, cursor);
  await saveCloseWork(period, runId, accounts, Math.floor(Date.now() / 1000) + twoDays);
  return { period, accounts: accounts.length };
});
