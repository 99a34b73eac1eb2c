import { httpRoute } from '#shared/http/handler.ts';
import { careRoutes } from '#shared/routes/care.ts';
import { setLoyaltyPolicy } from '#shared/usecases/loyalty/settings.ts';

export const handler = httpRoute(careRoutes.putLoyaltyPolicy, async ({ params, body, ifMatch, audit }) => {
  const { record, created } = await setLoyaltyPolicy(params.year, ifMatch, body, audit);
  return { body: record, created, location: created ? `/v1/loyalty-policies/${params.year}` : undefined };
});
