import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { confirmReceipt } from '#shared/usecases/handovers.ts';

export const handler = idempotentRoute(upkeepRoutes.confirmHandoverReceipt, async ({ params, body, caller, audit }) => ({
  body: await confirmReceipt(caller, params.id, params.handoverId, body, audit),
  location: `/v1/accounts/${params.id}/handovers/${params.handoverId}`,
}));
