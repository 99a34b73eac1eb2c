import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import { acknowledgeMajorMatter, majorMatterLocation } from '#shared/usecases/oversight.ts';

export const handler = idempotentRoute(oversightRoutes.acknowledgeMajorMatter, async ({ params, body, audit }) => ({
  body: await acknowledgeMajorMatter(params.id, body.response, audit),
  location: majorMatterLocation(params.id),
}));
