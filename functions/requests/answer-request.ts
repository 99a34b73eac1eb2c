import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { answerRequest, requestLocation } from '#shared/usecases/requests.ts';

export const handler = idempotentRoute(loyaltyRoutes.answerPriorityRequest, async ({ params, body, caller, audit }) => {
  const request = await answerRequest(caller, params.id, params.requestId, body, audit);
  return { body: request, location: requestLocation(request) };
});
