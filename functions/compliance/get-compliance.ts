import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { compliance } from '#shared/usecases/compliance.ts';

export const handler = httpRoute(upkeepRoutes.getCompliance, async ({ query, caller }) => ({
  body: await compliance(caller, query),
}));
