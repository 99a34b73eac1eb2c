import { httpRoute } from '#shared/http/handler.ts';
import * as payDeskRoutes from '#shared/routes/pay-desk.ts';
import { listAdjustments } from '#shared/usecases/pay-desk.ts';

export const handler = httpRoute(payDeskRoutes.listAdjustments, async ({ params, query }) => ({
  body: await listAdjustments(params.period, query),
}));
