import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { answerInquiry, inquiryLocation } from '#shared/usecases/pay-desk.ts';

export const handler = idempotentRoute(payDeskRoutes.answerInquiry, async ({ params, body, audit }) => ({
  body: await answerInquiry(params.id, body, audit),
  location: inquiryLocation(params.id),
}));
