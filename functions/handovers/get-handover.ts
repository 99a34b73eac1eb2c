import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { readHandover } from '#shared/usecases/handovers.ts';

export const handler = httpRoute(upkeepRoutes.getHandover, async ({ params, caller }) => ({
  body: await readHandover(caller, params.id, params.handoverId),
}));
