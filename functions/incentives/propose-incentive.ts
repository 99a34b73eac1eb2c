import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { incentiveLocation, proposeIncentive } from '#shared/usecases/loyalty/incentives.ts';

export const handler = idempotentRoute(careRoutes.proposeIncentive, async ({ params, body, caller, audit }) => {
  const incentive = await proposeIncentive(caller, params.id, body, audit);
  return { body: incentive, location: incentiveLocation(incentive.id) };
});
