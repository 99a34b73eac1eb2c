import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { accountVisits } from '#shared/usecases/upkeep.ts';

export const handler = httpRoute(upkeepRoutes.listAccountVisits, async ({ params, query, caller }) => ({
  body: await accountVisits(caller, params.id, query),
}));
