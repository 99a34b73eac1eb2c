import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { adjustmentLocation, approveAdjustment } from '#shared/usecases/pay-desk.ts';

export const handler = idempotentRoute(payDeskRoutes.approveAdjustment, async ({ params, audit }) => {
  const adjustment = await approveAdjustment(params.period, params.id, audit);
  return { body: adjustment, location: adjustmentLocation(adjustment) };
});
