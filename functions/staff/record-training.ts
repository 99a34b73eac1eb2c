import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import { recordTraining, staffLocation } from '#shared/usecases/staff.ts';

export const handler = idempotentRoute(staffRoutes.recordTraining, async ({ params, body, audit }) => ({
  body: await recordTraining(params.id, body, audit),
  location: staffLocation(params.id),
}));
