import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import { completeFollowUp, spotCheckLocation } from '#shared/usecases/oversight.ts';

export const handler = idempotentRoute(oversightRoutes.completeFollowUp, async ({ params, body, caller, audit }) => ({
  body: await completeFollowUp(caller, params.id, params.followUpId, body.doneOn, audit),
  location: spotCheckLocation(params.id),
}));
