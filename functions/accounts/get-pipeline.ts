import { httpRoute } from '#shared/http/handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { accountPipeline } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.getAccountPipeline, async ({ params, caller }) => ({
  body: await accountPipeline(caller, params.id),
}));
