import { httpRoute } from '#shared/http/handler.ts';
import * as businessRoutes from '#shared/routes/business.ts';
import { findProjects } from '#shared/usecases/business.ts';

export const handler = httpRoute(businessRoutes.listProjects, async ({ query, caller }) => ({
  body: await findProjects(caller, query),
}));
