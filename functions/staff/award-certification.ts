import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import { awardCertification, staffLocation } from '#shared/usecases/staff.ts';

export const handler = idempotentRoute(staffRoutes.awardCertification, async ({ params, body, audit }) => ({
  body: await awardCertification(params.id, body, audit),
  location: staffLocation(params.id),
}));
