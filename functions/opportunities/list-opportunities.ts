import { httpRoute } from '#shared/http/handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { findOpportunities } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.listOpportunities, async ({ query, caller }) => ({
  body: await findOpportunities(caller, query),
}));
