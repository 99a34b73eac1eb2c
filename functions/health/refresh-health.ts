import { httpRoute } from '#shared/http/handler.ts';
import { careRoutes } from '#shared/routes/care.ts';
import { refreshHealth } from '#shared/usecases/loyalty/health.ts';

export const handler = httpRoute(careRoutes.refreshHealth, async ({ params }) => ({ body: await refreshHealth(params.period) }));
