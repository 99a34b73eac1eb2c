import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { invoiceLocation, recordPayment } from '#shared/usecases/business.ts';

export const handler = idempotentRoute(businessRoutes.recordPayment, async ({ params, body, caller, audit }) => ({
  body: await recordPayment(caller, params.id, body.amount, body.receivedOn, audit),
  location: invoiceLocation(params.id),
}));
