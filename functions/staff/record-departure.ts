import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import { recordDepartureSignedIn } from '#shared/usecases/sign-in.ts';
import { staffLocation } from '#shared/usecases/staff.ts';

export const handler = idempotentRoute(staffRoutes.recordDeparture, async ({ params, body, audit }) => ({
  body: await recordDepartureSignedIn(params.id, body.leftOn, audit),
  location: staffLocation(params.id),
}));
