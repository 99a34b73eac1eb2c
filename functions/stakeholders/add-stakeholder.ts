import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { addStakeholder, stakeholderLocation } from '#shared/usecases/stakeholders.ts';

export const handler = idempotentRoute(loyaltyRoutes.addStakeholder, async ({ params, body, caller, audit }) => {
  const stakeholder = await addStakeholder(caller, params.id, body, audit);
  return { body: stakeholder, location: stakeholderLocation(stakeholder) };
});
