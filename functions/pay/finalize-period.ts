import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { finalizePeriod } from '#shared/usecases/pay.ts';

export const handler = idempotentRoute(payRoutes.finalizePeriod, async ({ params, body, audit }) => ({
  body: await finalizePeriod(params.period, audit, body),
  location: `/v1/periods/${params.period}/statements`,
}));
