import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { pilotLocation, recordOutcome } from '#shared/usecases/loyalty/pilots.ts';

export const handler = idempotentRoute(careRoutes.recordPilotOutcome, async ({ params, body, audit }) => ({
  body: await recordOutcome(params.id, body, audit),
  location: pilotLocation(params.id),
}));
