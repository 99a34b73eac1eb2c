import { httpRoute } from '#shared/http/handler.ts';
import { oversightRoutes } from '#shared/routes/oversight.ts';
import { majorMatterLocation, reportMajorMatter } from '#shared/usecases/oversight.ts';

export const handler = httpRoute(oversightRoutes.reportMajorMatter, async ({ params, body, caller, audit }) => {
  const matter = await reportMajorMatter(caller, params.id, body, audit);
  return { body: matter, location: majorMatterLocation(matter.id) };
});
