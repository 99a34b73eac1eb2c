import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { invoiceLocation, issueInvoice } from '#shared/usecases/business.ts';

export const handler = idempotentRoute(businessRoutes.issueInvoice, async ({ params, body, caller, audit }) => {
  const invoice = await issueInvoice(caller, params.id, body, audit);
  return { body: invoice, location: invoiceLocation(invoice.id) };
});
