import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { opportunityLocation, winOpportunity } from '#shared/usecases/business.ts';

export const handler = idempotentRoute(businessRoutes.winOpportunity, async ({ params, body, caller, audit }) => ({
  body: await winOpportunity(caller, params.id, body, audit),
  location: opportunityLocation(params.id),
}));
