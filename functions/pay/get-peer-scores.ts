import { httpRoute } from '#shared/http/handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { peerScoreSummary } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.getPeerScores, async ({ query, caller }) => ({ body: await peerScoreSummary(caller, query) }));
