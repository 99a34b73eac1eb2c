import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { accountsWithoutPlan } from '#shared/usecases/plans.ts';

export const handler = httpRoute(loyaltyRoutes.listAccountsWithoutPlan, async ({ query }) => ({
  body: await accountsWithoutPlan(query.year, query),
}));
