import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { readPlanVersions } from '#shared/usecases/plans.ts';

export const handler = httpRoute(loyaltyRoutes.listAccountPlanVersions, async ({ params, query, caller }) => ({
  body: await readPlanVersions(caller, params.id, params.year, query),
}));
