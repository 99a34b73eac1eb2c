import { httpRoute } from '#shared/http/handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { talentPool } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.listTalentPool, async ({ query }) => ({ body: await talentPool(query.year) }));
