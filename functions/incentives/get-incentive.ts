import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { readIncentive } from '#shared/usecases/loyalty/incentives.ts';

export const handler = httpRoute(loyaltyRoutes.getIncentive, async ({ params, caller }) => ({ body: await readIncentive(caller, params.id) }));
