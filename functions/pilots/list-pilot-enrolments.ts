import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { findEnrolments } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(careRoutes.listPilotEnrolments, async ({ params, query }) => ({ body: await findEnrolments(params.id, query.limit, query.cursor) }));
