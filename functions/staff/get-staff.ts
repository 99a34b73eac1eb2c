import { httpRoute } from '#shared/http/handler.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import { readStaff } from '#shared/usecases/staff.ts';

export const handler = httpRoute(staffRoutes.getStaff, async ({ params, caller }) => ({
  body: await readStaff(caller, params.id),
}));
