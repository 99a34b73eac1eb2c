import { httpRoute } from '#shared/http/handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { receivables } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.listReceivables, async ({ query, caller }) => ({
  body: await receivables(caller, query),
}));
