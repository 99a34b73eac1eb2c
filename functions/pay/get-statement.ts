import { httpRoute } from '#shared/http/handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { personStatement } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.getStatement, async ({ params, caller, language }) => ({
  body: await personStatement(caller, params.period, params.staffId, language),
}));
