import { httpRoute } from '#shared/http/handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { policyAcknowledgements } from '#shared/usecases/pay-desk.ts';

export const handler = httpRoute(payDeskRoutes.listPolicyAcknowledgements, async ({ params, query }) => ({
  body: await policyAcknowledgements(params.year, query.pending === 'true'),
}));
