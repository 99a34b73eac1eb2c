import { httpRoute } from '#shared/http/handler.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import { findAccountMajorMatters } from '#shared/usecases/oversight.ts';

export const handler = httpRoute(oversightRoutes.listAccountMajorMatters, async ({ params, query, caller }) => ({
  body: await findAccountMajorMatters(caller, params.id, query),
}));
