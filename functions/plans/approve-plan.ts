import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { approvePlan, planVersionLocation } from '#shared/usecases/plans.ts';

export const handler = idempotentRoute(loyaltyRoutes.approveAccountPlan, async ({ params, caller, ifMatch, audit }) => {
  const approved = await approvePlan(caller, params.id, params.year, params.number, ifMatch, audit);
  return { body: approved, location: planVersionLocation(approved) };
});
