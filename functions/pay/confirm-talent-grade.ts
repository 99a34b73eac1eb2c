import { httpRoute } from '#shared/http/handler.ts';
import { payRoutes } from '#shared/routes/pay.ts';
import { confirmTalent } from '#shared/usecases/pay.ts';

export const handler = httpRoute(payRoutes.confirmTalentGrade, async ({ params, body, audit }) => ({
  body: await confirmTalent(params.year, params.staffId, body.grade, audit),
  location: `/v1/talent-pool?year=${params.year}`,
}));
