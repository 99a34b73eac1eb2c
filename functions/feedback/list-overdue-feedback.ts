import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { findOverdueFeedback } from '#shared/usecases/loyalty/feedback.ts';

export const handler = httpRoute(loyaltyRoutes.listOverdueFeedback, async ({ query }) => ({ body: await findOverdueFeedback(query) }));
