import { httpRoute } from '#shared/http/handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { estimate } from '#shared/usecases/estimate.ts';

export const handler = httpRoute(payRoutes.getEstimate, async ({ params, query, caller }) => ({
  body: await estimate(caller, params.period, query),
}));
