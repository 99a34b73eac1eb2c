import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { findEnrolments } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(loyaltyRoutes.listPilotEnrolments, async ({ params, query }) => ({ body: await findEnrolments(params.id, query.limit, query.cursor) }));
