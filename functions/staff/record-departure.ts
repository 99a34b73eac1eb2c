import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import { staffRoutes } from '#shared/routes/staff.ts';
import { recordDeparture, staffLocation } from '#shared/usecases/staff.ts';

export const handler = idempotentRoute(staffRoutes.recordDeparture, async ({ params, body, audit }) => ({
  body: await recordDeparture(params.id, body.leftOn, audit),
  location: staffLocation(params.id),
}));
