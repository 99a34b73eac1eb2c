import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { findOffers } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(careRoutes.listPilotOffers, async ({ params, query }) => ({ body: await findOffers(params.id, query.limit, query.cursor) }));
