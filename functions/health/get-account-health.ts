import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { accountHealth } from '#shared/usecases/loyalty/health.ts';

export const handler = httpRoute(loyaltyRoutes.getAccountHealth, async ({ params, query, caller }) => ({ body: await accountHealth(caller, params.id, query.period) }));
