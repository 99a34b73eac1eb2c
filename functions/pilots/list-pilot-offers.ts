import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { findOffers } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(loyaltyRoutes.listPilotOffers, async ({ params, query }) => ({ body: await findOffers(params.id, query.limit, query.cursor) }));
