import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { logRequest, requestLocation } from '#shared/usecases/requests.ts';

export const handler = idempotentRoute(loyaltyRoutes.logPriorityRequest, async ({ params, body, caller, audit }) => {
  const request = await logRequest(caller, params.id, body, audit);
  return { body: request, location: requestLocation(request) };
});
