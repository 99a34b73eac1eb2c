import { httpRoute } from '#shared/http/handler.ts';
import { businessRoutes } from '#shared/routes/business.ts';
import { invoiceLocation, issueInvoice } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.issueInvoice, async ({ params, body, caller, audit }) => {
  const invoice = await issueInvoice(caller, params.id, body, audit);
  return { body: invoice, location: invoiceLocation(invoice.id) };
});
