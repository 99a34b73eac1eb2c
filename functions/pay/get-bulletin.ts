import { httpRoute } from '#shared/http/handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { withLoyalty } from '#shared/usecases/loyalty/bulletin.ts';
import { periodBulletin } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.getBulletin, async ({ params, query }) => ({ body: await withLoyalty(await periodBulletin(params.period, query)) }));
