import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as oversightRoutes from '#shared/routes/oversight.ts';
import { majorMatterLocation, reportMajorMatter } from '#shared/usecases/oversight.ts';

export const handler = idempotentRoute(oversightRoutes.reportMajorMatter, async ({ params, body, caller, audit }) => {
  const matter = await reportMajorMatter(caller, params.id, body, audit);
  return { body: matter, location: majorMatterLocation(matter.id) };
});
