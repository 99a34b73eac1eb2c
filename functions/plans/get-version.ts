import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { readPlanVersion } from '#shared/usecases/plans.ts';

export const handler = httpRoute(loyaltyRoutes.getAccountPlanVersion, async ({ params, caller }) => ({
  body: await readPlanVersion(caller, params.id, params.year, params.number),
}));
