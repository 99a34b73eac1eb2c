import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { feedbackLocation, stepFeedback } from '#shared/usecases/loyalty/feedback.ts';

export const handler = idempotentRoute(careRoutes.stepFeedback, async ({ params, body, caller, audit }) => ({
  body: await stepFeedback(caller, params.id, body, audit),
  location: feedbackLocation(params.id),
}));
