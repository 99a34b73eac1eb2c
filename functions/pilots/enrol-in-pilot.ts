import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { enrolInPilot, pilotLocation } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(loyaltyRoutes.enrolInPilot, async ({ params, body, caller, audit }) => ({
  body: await enrolInPilot(caller, params.id, body, audit),
  location: `${pilotLocation(params.id)}/enrolments`,
}));
