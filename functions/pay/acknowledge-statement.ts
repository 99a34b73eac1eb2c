import { httpRoute } from '#shared/http/handler.ts';
import { payDeskRoutes } from '#shared/routes/pay-desk.ts';
import { acknowledgeStatement } from '#shared/usecases/pay-desk.ts';

export const handler = httpRoute(payDeskRoutes.acknowledgeStatement, async ({ params, caller, audit }) => ({
  body: await acknowledgeStatement(caller, params.period, params.staffId, audit),
  location: `/v1/periods/${params.period}/acknowledgements`,
}));
