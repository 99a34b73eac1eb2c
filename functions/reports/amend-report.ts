import { httpRoute } from '#shared/http/handler.ts';
import { upkeepRoutes } from '#shared/routes/upkeep.ts';
import { amendReport } from '#shared/usecases/upkeep.ts';

export const handler = httpRoute(upkeepRoutes.amendReport, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await amendReport(caller, params.id, params.month, ifMatch, body, audit),
}));
