import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { changeDepartment, projectLocation } from '#shared/usecases/business.ts';

export const handler = idempotentRoute(businessRoutes.changeProjectDepartment, async ({ params, body, caller, audit }) => ({
  body: await changeDepartment(caller, params.id, body, audit),
  location: `${projectLocation(params.id)}/department-changes`,
}));
