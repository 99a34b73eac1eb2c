import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { findAccountFeedback } from '#shared/usecases/loyalty/feedback.ts';

export const handler = httpRoute(loyaltyRoutes.listAccountFeedback, async ({ params, query, caller }) => ({ body: await findAccountFeedback(caller, params.id, query) }));
