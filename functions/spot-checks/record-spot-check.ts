import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import { recordSpotCheck, spotCheckLocation } from '#shared/usecases/oversight.ts';

export const handler = idempotentRoute(oversightRoutes.recordSpotCheck, async ({ params, body, audit }) => {
  const check = await recordSpotCheck(params.id, body, audit);
  return { body: check, location: spotCheckLocation(check.id) };
});
