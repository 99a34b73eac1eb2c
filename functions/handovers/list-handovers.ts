import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { accountHandovers } from '#shared/usecases/handovers.ts';

export const handler = httpRoute(upkeepRoutes.listHandovers, async ({ params, caller }) => ({
  body: await accountHandovers(caller, params.id),
}));
