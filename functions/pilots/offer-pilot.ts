import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { offerPilot, pilotLocation } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(loyaltyRoutes.offerPilot, async ({ params, body, caller, audit }) => ({
  body: await offerPilot(caller, params.id, body, audit),
  location: `${pilotLocation(params.id)}/offers`,
}));
