import { httpRoute } from '#shared/http/handler.ts';
import { staffRoutes } from '#shared/routes/staff.ts';
import { recordDeparture, staffLocation } from '#shared/usecases/staff.ts';

export const handler = httpRoute(staffRoutes.recordDeparture, async ({ params, body, audit }) => ({
  body: await recordDeparture(params.id, body.leftOn, audit),
  location: staffLocation(params.id),
}));
