import { httpRoute } from '#shared/http/handler.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import { findMajorMatters } from '#shared/usecases/oversight.ts';

export const handler = httpRoute(oversightRoutes.listMajorMatters, async ({ query }) => ({
  body: await findMajorMatters(query.status, query.limit, query.cursor),
}));
