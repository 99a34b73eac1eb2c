import { httpRoute } from '#shared/http/handler.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import { findAccountSpotChecks } from '#shared/usecases/oversight.ts';

export const handler = httpRoute(oversightRoutes.listAccountSpotChecks, async ({ params, query, caller }) => ({
  body: await findAccountSpotChecks(caller, params.id, query.limit, query.cursor),
}));
