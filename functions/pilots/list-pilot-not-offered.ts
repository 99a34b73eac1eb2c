import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { notOffered } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(loyaltyRoutes.listPilotNotOffered, async ({ params, query }) => ({ body: await notOffered(params.id, query.limit, query.cursor) }));
