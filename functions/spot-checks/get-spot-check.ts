import { httpRoute } from '#shared/http/handler.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import { readSpotCheck } from '#shared/usecases/oversight.ts';

export const handler = httpRoute(oversightRoutes.getSpotCheck, async ({ params, caller }) => ({
  body: await readSpotCheck(caller, params.id),
}));
