import { httpRoute } from '#shared/http/handler.ts';
import { staffRoutes } from '#shared/routes/staff.ts';
import { awardCertification, staffLocation } from '#shared/usecases/staff.ts';

export const handler = httpRoute(staffRoutes.awardCertification, async ({ params, body, audit }) => ({
  body: await awardCertification(params.id, body, audit),
  location: staffLocation(params.id),
}));
