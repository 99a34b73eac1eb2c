import { httpRoute } from '#shared/http/handler.ts';
import { careRoutes } from '#shared/routes/care.ts';
import { accountHealth } from '#shared/usecases/loyalty/health.ts';

export const handler = httpRoute(careRoutes.getAccountHealth, async ({ params, query, caller }) => ({ body: await accountHealth(caller, params.id, query.period) }));
