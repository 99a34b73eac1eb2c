import { httpRoute } from '#shared/http/handler.ts';
import { staffRoutes } from '#shared/routes/staff.ts';
import { recordTraining, staffLocation } from '#shared/usecases/staff.ts';

export const handler = httpRoute(staffRoutes.recordTraining, async ({ params, body, audit }) => ({
  body: await recordTraining(params.id, body, audit),
  location: staffLocation(params.id),
}));
