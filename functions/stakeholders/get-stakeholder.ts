import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { readStakeholder } from '#shared/usecases/stakeholders.ts';

export const handler = httpRoute(loyaltyRoutes.getStakeholder, async ({ params, caller }) => ({
  body: await readStakeholder(caller, params.id, params.stakeholderId),
}));
