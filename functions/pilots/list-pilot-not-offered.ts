import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { notOffered } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(careRoutes.listPilotNotOffered, async ({ params, query }) => ({ body: await notOffered(params.id, query.limit, query.cursor) }));
