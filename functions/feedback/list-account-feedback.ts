import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { findAccountFeedback } from '#shared/usecases/loyalty/feedback.ts';

export const handler = httpRoute(careRoutes.listAccountFeedback, async ({ params, query, caller }) => ({ body: await findAccountFeedback(caller, params.id, query) }));
