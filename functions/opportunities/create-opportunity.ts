import { httpRoute } from '#shared/http/handler.ts';
import { businessRoutes } from '#shared/routes/business.ts';
import { createOpportunity, opportunityLocation } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.createOpportunity, async ({ body, caller, audit }) => {
  const opportunity = await createOpportunity(caller, body, audit);
  return { body: opportunity, location: opportunityLocation(opportunity.id) };
});
