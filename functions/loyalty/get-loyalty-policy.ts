import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { readLoyaltyPolicy } from '#shared/usecases/loyalty/settings.ts';

export const handler = httpRoute(loyaltyRoutes.getLoyaltyPolicy, async ({ params }) => ({ body: await readLoyaltyPolicy(params.year) }));
