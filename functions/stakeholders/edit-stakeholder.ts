import { changeRoute } from '#shared/http/change-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { editStakeholder } from '#shared/usecases/stakeholders.ts';

export const handler = changeRoute(loyaltyRoutes.editStakeholder, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await editStakeholder(caller, params.id, params.stakeholderId, ifMatch, body, audit),
}));
