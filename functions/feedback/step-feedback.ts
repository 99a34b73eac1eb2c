import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { feedbackLocation, stepFeedback } from '#shared/usecases/loyalty/feedback.ts';

export const handler = httpRoute(loyaltyRoutes.stepFeedback, async ({ params, body, caller, audit }) => ({
  body: await stepFeedback(caller, params.id, body, audit),
  location: feedbackLocation(params.id),
}));
