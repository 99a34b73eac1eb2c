import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { editStakeholder } from '#shared/usecases/stakeholders.ts';

export const handler = httpRoute(loyaltyRoutes.editStakeholder, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await editStakeholder(caller, params.id, params.stakeholderId, ifMatch, body, audit),
}));
