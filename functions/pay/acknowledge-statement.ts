import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { acknowledgeStatement } from '#shared/usecases/pay-desk.ts';

export const handler = idempotentRoute(payDeskRoutes.acknowledgeStatement, async ({ params, caller, audit }) => ({
  body: await acknowledgeStatement(caller, params.period, params.staffId, audit),
  location: `/v1/periods/${params.period}/acknowledgements`,
}));
