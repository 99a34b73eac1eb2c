import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { readStakeholderContact } from '#shared/usecases/stakeholders.ts';

export const handler = httpRoute(loyaltyRoutes.getStakeholderContact, async ({ params, caller, audit }) => ({
  body: await readStakeholderContact(caller, params.id, params.stakeholderId, audit),
}));
