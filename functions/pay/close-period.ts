import { randomUUID } from 'node:crypto';
import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { startCloseRun } from '#shared/usecases/close-run.ts';

export const handler = idempotentRoute(payRoutes.closePeriod, async ({ params, audit, language }) => {
  const runId = randomUUID();
  return { body: await startCloseRun(params.period, runId, audit, language), location: `/v1/periods/${params.period}/close-runs/${runId}` };
});
