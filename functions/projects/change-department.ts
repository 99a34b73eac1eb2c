import { httpRoute } from '#shared/http/handler.ts';
import { businessRoutes } from '#shared/routes/business.ts';
import { changeDepartment, projectLocation } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.changeProjectDepartment, async ({ params, body, caller, audit }) => ({
  body: await changeDepartment(caller, params.id, body, audit),
  location: `${projectLocation(params.id)}/department-changes`,
}));
