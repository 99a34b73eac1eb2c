import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { loseOpportunity, opportunityLocation } from '#shared/usecases/business.ts';

export const handler = idempotentRoute(businessRoutes.loseOpportunity, async ({ params, body, caller, audit }) => ({
  body: await loseOpportunity(caller, params.id, body.lostOn, body.reason, audit),
  location: opportunityLocation(params.id),
}));
