import { httpRoute } from '#shared/http/handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { listUpdates } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.listOpportunityUpdates, async ({ params, query, caller }) => ({
  body: await listUpdates(caller, params.id, query.limit, query.cursor),
}));
