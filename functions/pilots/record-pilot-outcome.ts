import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { pilotLocation, recordOutcome } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(loyaltyRoutes.recordPilotOutcome, async ({ params, body, audit }) => ({
  body: await recordOutcome(params.id, body, audit),
  location: pilotLocation(params.id),
}));
