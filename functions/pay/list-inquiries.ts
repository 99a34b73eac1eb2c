import { httpRoute } from '#shared/http/handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { findInquiries } from '#shared/usecases/pay-desk.ts';

export const handler = httpRoute(payDeskRoutes.listInquiries, async ({ query, caller }) => ({
  body: await findInquiries(caller, query),
}));
