import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { personVisits } from '#shared/usecases/upkeep.ts';

export const handler = httpRoute(upkeepRoutes.listPersonVisits, async ({ query, caller }) => ({
  body: await personVisits(caller, query),
}));
