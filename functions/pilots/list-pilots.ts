import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { findPilots } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(loyaltyRoutes.listPilots, async ({ query }) => ({ body: await findPilots(query.limit, query.cursor) }));
