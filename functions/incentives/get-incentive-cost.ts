import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { incentiveCostOf } from '#shared/usecases/loyalty/incentives.ts';

export const handler = httpRoute(loyaltyRoutes.getIncentiveCost, async ({ params, query, caller }) => ({ body: await incentiveCostOf(caller, params.id, query.year) }));
