import { httpRoute } from '#shared/http/handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { periodStatements } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.listStatements, async ({ params, query, caller, language }) => ({
  body: await periodStatements(caller, params.period, query.limit, query.cursor, language),
}));
