import { changeRoute } from '#shared/http/change-handler.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import { updateStaffSignedIn } from '#shared/usecases/sign-in.ts';

export const handler = changeRoute(staffRoutes.patchStaff, async ({ params, body, ifMatch, audit }) => ({
  body: await updateStaffSignedIn(params.id, ifMatch, body, audit),
}));
