import { httpRoute } from '#shared/http/handler.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import { findStaff } from '#shared/usecases/staff.ts';

export const handler = httpRoute(staffRoutes.listStaff, async ({ query }) => ({
  body: await findStaff(query),
}));
