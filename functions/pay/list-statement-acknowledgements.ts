import { httpRoute } from '#shared/http/handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { statementAcknowledgements } from '#shared/usecases/pay-desk.ts';

export const handler = httpRoute(payDeskRoutes.listStatementAcknowledgements, async ({ params, query }) => ({
  body: await statementAcknowledgements(params.period, query.pending === 'true'),
}));
