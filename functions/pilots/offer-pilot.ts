import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { offerPilot, pilotLocation } from '#shared/usecases/loyalty/pilots.ts';

export const handler = idempotentRoute(careRoutes.offerPilot, async ({ params, body, caller, audit }) => ({
  body: await offerPilot(caller, params.id, body, audit),
  location: `${pilotLocation(params.id)}/offers`,
}));
