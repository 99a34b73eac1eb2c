import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { recordMeeting } from '#shared/usecases/upkeep.ts';

export const handler = idempotentRoute(upkeepRoutes.recordMeeting, async ({ body, caller, audit }) => {
  const meeting = await recordMeeting(caller, body, audit);
  return { body: meeting, location: `/v1/meetings/${meeting.id}` };
});
