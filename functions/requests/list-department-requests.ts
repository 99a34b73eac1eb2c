import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { departmentQueue } from '#shared/usecases/requests.ts';

export const handler = httpRoute(loyaltyRoutes.listDepartmentRequests, async ({ params, query, caller }) => ({
  body: await departmentQueue(caller, params.department, query),
}));
