import { httpRoute } from '#shared/http/handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { departmentChanges } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.listProjectDepartmentChanges, async ({ params, caller }) => ({
  body: await departmentChanges(caller, params.id),
}));
