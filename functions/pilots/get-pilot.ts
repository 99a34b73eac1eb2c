import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { mustGetPilot } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(careRoutes.getPilot, async ({ params }) => ({ body: await mustGetPilot(params.id) }));
