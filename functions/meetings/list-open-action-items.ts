import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { openActionItems } from '#shared/usecases/upkeep.ts';

export const handler = httpRoute(upkeepRoutes.listOpenActionItems, async ({ query, caller }) => ({
  body: await openActionItems(caller, query.ownerId),
}));
