import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import { createStaffSignedIn } from '#shared/usecases/sign-in.ts';
import { staffLocation } from '#shared/usecases/staff.ts';

export const handler = idempotentRoute(staffRoutes.createStaff, async ({ body, audit }) => {
  const staff = await createStaffSignedIn(body, audit);
  return { body: staff, location: staffLocation(staff.id) };
});
