import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { incentiveCostOf } from '#shared/usecases/loyalty/incentives.ts';

export const handler = httpRoute(careRoutes.getIncentiveCost, async ({ params, query, caller, language }) => ({ body: await incentiveCostOf(caller, params.id, query.year, language) }));
