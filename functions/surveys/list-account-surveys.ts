import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { findAccountSurveys } from '#shared/usecases/loyalty/surveys.ts';

export const handler = httpRoute(loyaltyRoutes.listAccountSurveys, async ({ params, query, caller }) => ({ body: await findAccountSurveys(caller, params.id, query) }));
