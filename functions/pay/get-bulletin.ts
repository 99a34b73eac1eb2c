import { httpRoute } from '#shared/http/handler.ts';
import { payRoutes } from '#shared/routes/pay.ts';
import { periodBulletin } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.getBulletin, async ({ params, query }) => ({ body: await periodBulletin(params.period, query) }));
