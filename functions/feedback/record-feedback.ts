import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { feedbackLocation, recordFeedback } from '#shared/usecases/loyalty/feedback.ts';

export const handler = idempotentRoute(careRoutes.recordFeedback, async ({ params, body, caller, audit }) => {
  const item = await recordFeedback(caller, params.id, body, audit);
  return { body: item, location: feedbackLocation(item.id) };
});
