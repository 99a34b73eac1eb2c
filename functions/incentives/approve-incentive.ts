import { httpRoute } from '#shared/http/handler.ts';
import { careRoutes } from '#shared/routes/care.ts';
import { approveIncentive, incentiveLocation } from '#shared/usecases/loyalty/incentives.ts';

export const handler = httpRoute(careRoutes.approveIncentive, async ({ params, audit }) => ({
  body: await approveIncentive(params.id, audit),
  location: incentiveLocation(params.id),
}));
