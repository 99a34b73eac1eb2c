import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { rankedHealth } from '#shared/usecases/loyalty/health.ts';

export const handler = httpRoute(careRoutes.listHealth, async ({ query, language }) => ({ body: await rankedHealth(query.period, query.limit, query.cursor, language) }));
