import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { markActionItemDone } from '#shared/usecases/upkeep.ts';

export const handler = idempotentRoute(upkeepRoutes.markActionItemDone, async ({ params, body, caller, audit }) => ({
  body: await markActionItemDone(caller, params.id, params.itemId, body.doneOn, audit),
  location: `/v1/meetings/${params.id}`,
}));
