import { httpRoute } from '#shared/http/handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { readProject } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.getProject, async ({ params, caller }) => ({
  body: await readProject(caller, params.id),
}));
