import { changeRoute } from '#shared/http/change-handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { setPayPolicy } from '#shared/usecases/pay.ts';

export const handler = changeRoute(payRoutes.putPayPolicy, async ({ params, body, ifMatch, audit }) => {
  const { policy, created } = await setPayPolicy(params.year, ifMatch, body, audit);
  return { body: policy, created, location: created ? `/v1/pay-policies/${params.year}` : undefined };
});
