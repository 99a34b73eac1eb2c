import { httpRoute } from '#shared/http/handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { meetingsOfType } from '#shared/usecases/upkeep.ts';

export const handler = httpRoute(upkeepRoutes.listMeetings, async ({ query }) => ({
  body: await meetingsOfType(query),
}));
