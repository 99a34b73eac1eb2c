import { httpRoute } from '#shared/http/handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { statementsCsv } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.exportStatements, async ({ params, caller }) => ({
  body: await statementsCsv(caller, params.period),
  contentType: 'text/csv; charset=utf-8',
}));
