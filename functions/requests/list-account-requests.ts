import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { accountRequests } from '#shared/usecases/requests.ts';

export const handler = httpRoute(loyaltyRoutes.listAccountRequests, async ({ params, query, caller }) => ({
  body: await accountRequests(caller, params.id, query),
}));
