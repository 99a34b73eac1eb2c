import { httpRoute } from '#shared/http/handler.ts';
import * as disputeRoutes from '#shared/routes/disputes.ts';
import { readDispute } from '#shared/usecases/disputes.ts';

export const handler = httpRoute(disputeRoutes.getDispute, async ({ params, caller }) => ({
  body: await readDispute(caller, params.id),
}));
