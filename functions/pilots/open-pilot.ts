import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { openPilot, pilotLocation } from '#shared/usecases/loyalty/pilots.ts';

export const handler = httpRoute(loyaltyRoutes.openPilot, async ({ body, audit }) => {
  const pilot = await openPilot(body, audit);
  return { body: pilot, location: pilotLocation(pilot.id) };
});
