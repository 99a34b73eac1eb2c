import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { scorePeer } from '#shared/usecases/pay.ts';

export const handler = idempotentRoute(payRoutes.scorePeer, async ({ body, caller, audit }) => {
  const score = await scorePeer(caller, body, audit);
  return { body: score, location: `/v1/peer-scores/${score.period}/${score.targetType}/${encodeURIComponent(score.target)}` };
});
