import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { accountReports } from '#shared/usecases/upkeep.ts';

export const handler = httpRoute(upkeepRoutes.listReports, async ({ params, query, caller }) => ({
  body: await accountReports(caller, params.id, query.from, query.to),
}));
