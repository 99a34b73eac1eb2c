import { httpRoute } from '#shared/http/handler.ts';
import { upkeepRoutes } from '#shared/routes/upkeep.ts';
import { confirmReceipt } from '#shared/usecases/handovers.ts';

export const handler = httpRoute(upkeepRoutes.confirmHandoverReceipt, async ({ params, body, caller, audit }) => ({
  body: await confirmReceipt(caller, params.id, params.handoverId, body, audit),
  location: `/v1/accounts/${params.id}/handovers/${params.handoverId}`,
}));
