import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { findOverdueFeedback } from '#shared/usecases/loyalty/feedback.ts';

export const handler = httpRoute(careRoutes.listOverdueFeedback, async ({ query }) => ({ body: await findOverdueFeedback(query) }));
