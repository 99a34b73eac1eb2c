import { httpRoute } from '#shared/http/handler.ts';
import * as disputeRoutes from '#shared/routes/disputes.ts';
import { findDisputes } from '#shared/usecases/disputes.ts';

export const handler = httpRoute(disputeRoutes.listDisputes, async ({ query, caller }) => ({
  body: await findDisputes(caller, query),
}));
