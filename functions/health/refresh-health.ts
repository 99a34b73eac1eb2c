import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { refreshHealth } from '#shared/usecases/loyalty/health.ts';

export const handler = httpRoute(loyaltyRoutes.refreshHealth, async ({ params }) => ({ body: await refreshHealth(params.period) }));
