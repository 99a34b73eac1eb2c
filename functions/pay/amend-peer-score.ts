import { changeRoute } from '#shared/http/change-handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { amendPeerScore } from '#shared/usecases/pay.ts';

export const handler = changeRoute(payRoutes.amendPeerScore, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await amendPeerScore(caller, params, ifMatch, body, audit),
}));
