import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as payRoutes from '#shared/routes/pay.ts';
import { confirmTalent } from '#shared/usecases/pay.ts';

export const handler = idempotentRoute(payRoutes.confirmTalentGrade, async ({ params, body, audit }) => ({
  body: await confirmTalent(params.year, params.staffId, body.grade, audit),
  location: `/v1/talent-pool?year=${params.year}`,
}));
