import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { findAccountIncentives } from '#shared/usecases/loyalty/incentives.ts';

export const handler = httpRoute(loyaltyRoutes.listAccountIncentives, async ({ params, query, caller }) => ({ body: await findAccountIncentives(caller, params.id, query.limit, query.cursor) }));
