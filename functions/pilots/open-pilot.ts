import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { openPilot, pilotLocation } from '#shared/usecases/loyalty/pilots.ts';

export const handler = idempotentRoute(careRoutes.openPilot, async ({ body, audit }) => {
  const pilot = await openPilot(body, audit);
  return { body: pilot, location: pilotLocation(pilot.id) };
});
