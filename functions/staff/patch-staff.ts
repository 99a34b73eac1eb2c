import { httpRoute } from '#shared/http/handler.ts';
import { staffRoutes } from '#shared/routes/staff.ts';
import { updateStaffSignedIn } from '#shared/usecases/sign-in.ts';

export const handler = httpRoute(staffRoutes.patchStaff, async ({ params, body, ifMatch, audit }) => ({
  body: await updateStaffSignedIn(params.id, ifMatch, body, audit),
}));
