import { httpRoute } from '#shared/http/handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { readInvoice } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.getInvoice, async ({ params, caller }) => ({
  body: await readInvoice(caller, params.id),
}));
