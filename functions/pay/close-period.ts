import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import { payRoutes } from '#shared/routes/pay.ts';
import { closePeriod } from '#shared/usecases/close.ts';

export const handler = idempotentRoute(payRoutes.closePeriod, async ({ params, audit }) => ({
  body: await closePeriod(params.period, audit),
  location: `/v1/periods/${params.period}/statements`,
}));
