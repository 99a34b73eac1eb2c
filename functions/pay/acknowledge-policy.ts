import { httpRoute } from '#shared/http/handler.ts';
import { payDeskRoutes } from '#shared/routes/pay-desk.ts';
import { acknowledgePolicy } from '#shared/usecases/pay-desk.ts';

export const handler = httpRoute(payDeskRoutes.acknowledgePolicy, async ({ params, caller, audit }) => ({
  body: await acknowledgePolicy(caller, params.year, audit),
  location: `/v1/pay-policies/${params.year}/acknowledgements`,
}));
