import { httpRoute } from '#shared/http/handler.ts';
import { loyaltyRoutes } from '#shared/routes/loyalty.ts';
import { satisfactionSummary } from '#shared/usecases/loyalty/surveys.ts';

export const handler = httpRoute(loyaltyRoutes.getSatisfaction, async ({ query }) => ({ body: await satisfactionSummary(query.period) }));
