import { httpRoute } from '#shared/http/handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { viewOpportunity } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.getOpportunity, async ({ params, caller }) => ({
  body: await viewOpportunity(caller, params.id),
}));
