import { httpRoute } from '#shared/http/handler.ts';
import { payRoutes } from '#shared/routes/pay.ts';
import { amendPeerScore } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.amendPeerScore, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await amendPeerScore(caller, params, ifMatch, body, audit),
}));
