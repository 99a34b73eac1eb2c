import { httpRoute } from '#shared/http/handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { readInquiry } from '#shared/usecases/pay-desk.ts';

export const handler = httpRoute(payDeskRoutes.getInquiry, async ({ params, caller }) => ({
  body: await readInquiry(caller, params.id),
}));
