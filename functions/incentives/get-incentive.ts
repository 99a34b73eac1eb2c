import { httpRoute } from '#shared/http/handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { readIncentive } from '#shared/usecases/loyalty/incentives.ts';

export const handler = httpRoute(careRoutes.getIncentive, async ({ params, caller }) => ({ body: await readIncentive(caller, params.id) }));
