import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { satisfactionSummary } from '#shared/usecases/loyalty/surveys.ts';

export const handler = httpRoute(careRoutes.getSatisfaction, async ({ query }) => ({ body: await satisfactionSummary(query.period) }));
