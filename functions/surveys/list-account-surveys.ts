import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { findAccountSurveys } from '#shared/usecases/loyalty/surveys.ts';

export const handler = httpRoute(careRoutes.listAccountSurveys, async ({ params, query, caller }) => ({ body: await findAccountSurveys(caller, params.id, query) }));
