import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { readLoyaltyPolicy } from '#shared/usecases/loyalty/settings.ts';

export const handler = httpRoute(careRoutes.getLoyaltyPolicy, async ({ params }) => ({ body: await readLoyaltyPolicy(params.year) }));
