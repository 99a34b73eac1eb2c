import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { incentiveLocation, proposeIncentive } from '#shared/usecases/loyalty/incentives.ts';

export const handler = httpRoute(loyaltyRoutes.proposeIncentive, async ({ params, body, caller, audit }) => {
  const incentive = await proposeIncentive(caller, params.id, body, audit);
  return { body: incentive, location: incentiveLocation(incentive.id) };
});
