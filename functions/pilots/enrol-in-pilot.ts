import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { enrolInPilot, pilotLocation } from '#shared/usecases/loyalty/pilots.ts';

export const handler = idempotentRoute(careRoutes.enrolInPilot, async ({ params, body, caller, audit }) => ({
  body: await enrolInPilot(caller, params.id, body, audit),
  location: `${pilotLocation(params.id)}/enrolments`,
}));
