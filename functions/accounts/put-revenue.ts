import { changeRoute } from '#shared/http/change-handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { accountLocation, setRevenue } from '#shared/usecases/accounts.ts';

export const handler = changeRoute(accountRoutes.putAccountRevenue, async ({ params, body, ifMatch, audit }) => {
  const { revenue, created } = await setRevenue(params.id, params.year, ifMatch, body.annualRevenueAmount, audit);
  return { body: revenue, created, location: created ? `${accountLocation(params.id)}/revenue/${params.year}` : undefined };
});
