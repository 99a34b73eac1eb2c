import { httpRoute } from '#shared/http/handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { closeRunView } from '#shared/usecases/close-run-view.ts';

export const handler = httpRoute(payRoutes.getCloseRun, async ({ params, language }) => ({
  body: await closeRunView(params.period, params.runId, language),
}));
