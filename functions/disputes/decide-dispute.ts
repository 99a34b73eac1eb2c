import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as disputeRoutes from '#shared/routes/disputes.ts';
import { decideDispute, disputeLocation } from '#shared/usecases/disputes.ts';

export const handler = idempotentRoute(disputeRoutes.decideDispute, async ({ params, body, audit }) => ({
  body: await decideDispute(params.id, body, audit),
  location: disputeLocation(params.id),
}));
