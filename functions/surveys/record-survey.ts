import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as careRoutes from '#shared/routes/care.ts';
import { recordSurvey, surveyLocation } from '#shared/usecases/loyalty/surveys.ts';

export const handler = idempotentRoute(careRoutes.recordSurvey, async ({ params, body, caller, audit }) => {
  const survey = await recordSurvey(caller, params.id, body, audit);
  return { body: survey, location: surveyLocation(survey.accountId, survey.period) };
});
