import { jobHandler } from '#shared/job-handler.ts';
import { CloseRunInput } from '#shared/schemas/jobs.ts';
import { finishClose, loadGathered } from '#shared/usecases/close.ts';

/** Workflow step 3: compute and keep every statement from the partial sums the Map gathered, then release the period. */
export const handler = jobHandler(CloseRunInput, async ({ period, runId }) => {
  const now = new Date().toISOString();
  const gathered = await loadGathered(period, runId);
  const result = await finishClose(period, runId, gathered, { actorId: 'schedule', requestId: runId, at: now });
  return { period: result.period, status: result.status, version: result.version, statements: result.statementCount, changed: result.changed };
});
