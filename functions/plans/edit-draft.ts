import { changeRoute } from '#shared/http/change-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { editPlanDraft } from '#shared/usecases/plans.ts';

export const handler = changeRoute(loyaltyRoutes.editAccountPlanDraft, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await editPlanDraft(caller, params.id, params.year, params.number, ifMatch, body, audit),
}));
