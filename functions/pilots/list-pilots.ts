import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { findPilots } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(careRoutes.listPilots, async ({ query }) => ({ body: await findPilots(query.limit, query.cursor) }));
