import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { readStakeholders } from '#shared/usecases/stakeholders.ts';

export const handler = httpRoute(loyaltyRoutes.listStakeholders, async ({ params, query, caller }) => ({
  body: await readStakeholders(caller, params.id, query),
}));
