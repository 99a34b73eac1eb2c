import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { readFeedback } from '#shared/usecases/loyalty/feedback.ts';

export const handler = httpRoute(careRoutes.getFeedback, async ({ params, caller }) => ({ body: await readFeedback(caller, params.id) }));
