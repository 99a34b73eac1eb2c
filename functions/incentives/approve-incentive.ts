import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { approveIncentive, incentiveLocation } from '#shared/usecases/loyalty/incentives.ts';

export const handler = httpRoute(loyaltyRoutes.approveIncentive, async ({ params, audit }) => ({
  body: await approveIncentive(params.id, audit),
  location: incentiveLocation(params.id),
}));
