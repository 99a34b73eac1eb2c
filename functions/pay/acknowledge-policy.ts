import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { acknowledgePolicy } from '#shared/usecases/pay-desk.ts';

export const handler = idempotentRoute(payDeskRoutes.acknowledgePolicy, async ({ params, caller, audit }) => ({
  body: await acknowledgePolicy(caller, params.year, audit),
  location: `/v1/pay-policies/${params.year}/acknowledgements`,
}));
