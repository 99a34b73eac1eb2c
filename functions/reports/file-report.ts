import { httpRoute } from '#shared/http/handler.ts';
import { upkeepRoutes } from '#shared/routes/upkeep.ts';
import { fileReport } from '#shared/usecases/upkeep.ts';

export const handler = httpRoute(upkeepRoutes.fileReport, async ({ params, body, caller, audit }) => {
  const report = await fileReport(caller, params.id, body, audit);
  return { body: report, location: `/v1/accounts/${params.id}/reports/${report.month}` };
});
