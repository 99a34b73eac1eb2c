import { httpRoute } from '#shared/http/handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { readPayPolicy } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.getPayPolicy, async ({ params }) => ({ body: await readPayPolicy(params.year) }));
