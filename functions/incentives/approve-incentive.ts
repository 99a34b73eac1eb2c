import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { approveIncentive, incentiveLocation } from '#shared/usecases/loyalty/incentives.ts';

export const handler = idempotentRoute(careRoutes.approveIncentive, async ({ params, audit }) => ({
  body: await approveIncentive(params.id, audit),
  location: incentiveLocation(params.id),
}));
