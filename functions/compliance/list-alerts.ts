import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { alertsOf } from '#shared/usecases/alerts.ts';

export const handler = httpRoute(upkeepRoutes.listAlerts, async ({ query, caller }) => ({
  body: await alertsOf(caller, query.staffId, query.month),
}));
