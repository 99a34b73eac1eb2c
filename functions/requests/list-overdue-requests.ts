import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { overdueRequests } from '#shared/usecases/requests.ts';

export const handler = httpRoute(loyaltyRoutes.listOverdueRequests, async ({ query, audit }) => ({
  body: await overdueRequests(query, audit),
}));
