import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import { staffRoutes } from '#shared/routes/staff.ts';
import { createStaff, staffLocation } from '#shared/usecases/staff.ts';

export const handler = idempotentRoute(staffRoutes.createStaff, async ({ body, audit }) => {
  const staff = await createStaff(body, audit);
  return { body: staff, location: staffLocation(staff.id) };
});
