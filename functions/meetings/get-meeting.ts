import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { readMeeting } from '#shared/usecases/upkeep.ts';

export const handler = httpRoute(upkeepRoutes.getMeeting, async ({ params, caller }) => ({
  body: await readMeeting(caller, params.id),
}));
