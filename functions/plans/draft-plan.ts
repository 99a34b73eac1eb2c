import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { draftPlan, planVersionLocation } from '#shared/usecases/plans.ts';

export const handler = idempotentRoute(loyaltyRoutes.draftAccountPlan, async ({ params, body, caller, audit }) => {
  const draft = await draftPlan(caller, params.id, body, audit);
  return { body: draft, location: planVersionLocation(draft) };
});
