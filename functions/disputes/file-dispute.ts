import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as disputeRoutes from '#shared/routes/disputes.ts';
import { disputeLocation, fileDispute } from '#shared/usecases/disputes.ts';

export const handler = idempotentRoute(disputeRoutes.fileDispute, async ({ body, caller, audit }) => {
  const dispute = await fileDispute(caller, body, audit);
  return { body: dispute, location: disputeLocation(dispute.id) };
});
