import { changeRoute } from '#shared/http/change-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { setLoyaltyPolicy } from '#shared/usecases/loyalty/settings.ts';

export const handler = changeRoute(careRoutes.putLoyaltyPolicy, async ({ params, body, ifMatch, audit }) => {
  const { record, created } = await setLoyaltyPolicy(params.year, ifMatch, body, audit);
  return { body: record, created, location: created ? `/v1/loyalty-policies/${params.year}` : undefined };
});
