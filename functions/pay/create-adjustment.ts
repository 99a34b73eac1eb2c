import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { adjustmentLocation, createAdjustment } from '#shared/usecases/pay-desk.ts';

export const handler = idempotentRoute(payDeskRoutes.createAdjustment, async ({ params, body, audit }) => {
  const adjustment = await createAdjustment(params.period, body, audit);
  return { body: adjustment, location: adjustmentLocation(adjustment) };
});
