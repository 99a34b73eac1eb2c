import { jobHandler } from '#shared/job-handler.ts';
import { SignInSyncJobInput } from '#shared/schemas/jobs.ts';
import { retryPendingSignIns } from '#shared/usecases/sign-in.ts';

/** Every 15 minutes: each sign-in change left pending is tried again (shared/usecases/sign-in.ts). */
export const handler = jobHandler(SignInSyncJobInput, async () => {
  const now = new Date();
  return retryPendingSignIns({ actorId: 'schedule', requestId: `sign-in-sync-${now.getTime()}`, at: now.toISOString() }, undefined, now);
});
