import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { readRequest } from '#shared/usecases/requests.ts';

export const handler = httpRoute(loyaltyRoutes.getPriorityRequest, async ({ params, caller }) => ({
  body: await readRequest(caller, params.id, params.requestId),
}));
