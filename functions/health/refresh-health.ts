import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { refreshHealth } from '#shared/usecases/loyalty/health.ts';

export const handler = idempotentRoute(careRoutes.refreshHealth, async ({ params }) => ({ body: await refreshHealth(params.period) }));
