import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { readFeedback } from '#shared/usecases/loyalty/feedback.ts';

export const handler = httpRoute(loyaltyRoutes.getFeedback, async ({ params, caller }) => ({ body: await readFeedback(caller, params.id) }));
