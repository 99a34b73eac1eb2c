import { httpRoute } from '#shared/http/handler.ts';
import { staffRoutes } from '#shared/routes/staff.ts';
import { updateStaff } from '#shared/usecases/staff.ts';

export const handler = httpRoute(staffRoutes.patchStaff, async ({ params, body, ifMatch, audit }) => ({
  body: await updateStaff(params.id, ifMatch, body, audit),
}));
