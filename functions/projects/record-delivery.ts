import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { projectLocation, recordDelivery } from '#shared/usecases/business.ts';

export const handler = idempotentRoute(businessRoutes.recordDelivery, async ({ params, body, caller, audit }) => ({
  body: await recordDelivery(caller, params.id, body.deliveredOn, audit),
  location: projectLocation(params.id),
}));
