import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { planVersionLocation, revisePlan } from '#shared/usecases/plans.ts';

export const handler = idempotentRoute(loyaltyRoutes.reviseAccountPlan, async ({ params, body, caller, audit }) => {
  const draft = await revisePlan(caller, params.id, params.year, body, audit);
  return { body: draft, location: planVersionLocation(draft) };
});
