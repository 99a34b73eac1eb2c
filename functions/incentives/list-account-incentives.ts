import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { findAccountIncentives } from '#shared/usecases/loyalty/incentives.ts';

export const handler = httpRoute(careRoutes.listAccountIncentives, async ({ params, query, caller }) => ({ body: await findAccountIncentives(caller, params.id, query.limit, query.cursor) }));
