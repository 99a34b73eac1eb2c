import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { editPlanDraft } from '#shared/usecases/plans.ts';

export const handler = httpRoute(loyaltyRoutes.editAccountPlanDraft, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await editPlanDraft(caller, params.id, params.year, params.number, ifMatch, body, audit),
}));
