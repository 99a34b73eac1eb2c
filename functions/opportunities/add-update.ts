import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { addOpportunityUpdate, opportunityLocation } from '#shared/usecases/business.ts';

export const handler = idempotentRoute(businessRoutes.addOpportunityUpdate, async ({ params, body, caller, audit }) => ({
  body: await addOpportunityUpdate(caller, params.id, body, audit),
  location: `${opportunityLocation(params.id)}/updates`,
}));
