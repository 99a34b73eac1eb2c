import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { recordStakeholderDeparture, stakeholderLocation } from '#shared/usecases/stakeholders.ts';

export const handler = idempotentRoute(loyaltyRoutes.recordStakeholderDeparture, async ({ params, body, caller, audit }) => {
  const stakeholder = await recordStakeholderDeparture(caller, params.id, params.stakeholderId, body, audit);
  return { body: stakeholder, location: stakeholderLocation(stakeholder) };
});
