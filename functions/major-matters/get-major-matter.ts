import { httpRoute } from '#shared/http/handler.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import { readMajorMatter } from '#shared/usecases/oversight.ts';

export const handler = httpRoute(oversightRoutes.getMajorMatter, async ({ params, caller }) => ({
  body: await readMajorMatter(caller, params.id),
}));
