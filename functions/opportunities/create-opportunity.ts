import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { createOpportunity, opportunityLocation } from '#shared/usecases/business.ts';

export const handler = idempotentRoute(businessRoutes.createOpportunity, async ({ body, caller, audit }) => {
  const opportunity = await createOpportunity(caller, body, audit);
  return { body: opportunity, location: opportunityLocation(opportunity.id) };
});
