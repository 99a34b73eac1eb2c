import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { recordVisit } from '#shared/usecases/upkeep.ts';

export const handler = idempotentRoute(upkeepRoutes.recordVisit, async ({ params, body, caller, audit }) => {
  const visit = await recordVisit(caller, params.id, body, audit);
  return { body: visit, location: `/v1/accounts/${params.id}/visits?from=${visit.visitedOn}&to=${visit.visitedOn}` };
});
