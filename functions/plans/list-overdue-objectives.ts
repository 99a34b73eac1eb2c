import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { overduePlanObjectives } from '#shared/usecases/plans.ts';

export const handler = httpRoute(loyaltyRoutes.listOverdueObjectives, async ({ params, caller, audit }) => ({
  body: await overduePlanObjectives(caller, params.id, params.year, audit),
}));
