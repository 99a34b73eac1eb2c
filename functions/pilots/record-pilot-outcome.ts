import { httpRoute } from '#shared/http/handler.ts';
import { careRoutes } from '#shared/routes/care.ts';
import { pilotLocation, recordOutcome } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(careRoutes.recordPilotOutcome, async ({ params, body, audit }) => ({
  body: await recordOutcome(params.id, body, audit),
  location: pilotLocation(params.id),
}));
