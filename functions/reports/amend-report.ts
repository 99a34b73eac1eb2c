import { changeRoute } from '#shared/http/change-handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { amendReport } from '#shared/usecases/upkeep.ts';

export const handler = changeRoute(upkeepRoutes.amendReport, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await amendReport(caller, params.id, params.month, ifMatch, body, audit),
}));
