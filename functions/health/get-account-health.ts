import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { accountHealth } from '#shared/usecases/loyalty/health.ts';

export const handler = httpRoute(careRoutes.getAccountHealth, async ({ params, query, caller, language }) => ({ body: await accountHealth(caller, params.id, query.period, language) }));
