import { jobHandler } from '#shared/job-handler.ts';
import { CloseRunInput } from '#shared/schemas/jobs.ts';
import { abortClose } from '#shared/usecases/close.ts';

/** Workflow failure path: release the period's lock at once; the workflow then fails visibly. */
export const handler = jobHandler(CloseRunInput, async ({ period, runId }) => {
  await abortClose(period, runId);
  return { period, released: true };
});
