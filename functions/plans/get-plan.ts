import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { readPlan } from '#shared/usecases/plans.ts';

export const handler = httpRoute(loyaltyRoutes.getAccountPlan, async ({ params, caller }) => ({
  body: await readPlan(caller, params.id, params.year),
}));
