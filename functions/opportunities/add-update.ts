import { httpRoute } from '#shared/http/handler.ts';
import { businessRoutes } from '#shared/routes/business.ts';
import { addOpportunityUpdate, opportunityLocation } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.addOpportunityUpdate, async ({ params, body, caller, audit }) => ({
  body: await addOpportunityUpdate(caller, params.id, body, audit),
  location: `${opportunityLocation(params.id)}/updates`,
}));
