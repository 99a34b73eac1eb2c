import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { rankedHealth } from '#shared/usecases/loyalty/health.ts';

export const handler = httpRoute(loyaltyRoutes.listHealth, async ({ query }) => ({ body: await rankedHealth(query.period, query.limit, query.cursor) }));
