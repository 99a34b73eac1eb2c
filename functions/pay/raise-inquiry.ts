import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { inquiryLocation, raiseInquiry } from '#shared/usecases/pay-desk.ts';

export const handler = idempotentRoute(payDeskRoutes.raiseInquiry, async ({ params, body, caller, audit }) => {
  const inquiry = await raiseInquiry(caller, params.period, params.staffId, body, audit);
  return { body: inquiry, location: inquiryLocation(inquiry.id) };
});
