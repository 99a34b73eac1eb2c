import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as upkeepRoutes from '#shared/routes/upkeep.ts';
import { fileReport } from '#shared/usecases/upkeep.ts';

export const handler = idempotentRoute(upkeepRoutes.fileReport, async ({ params, body, caller, audit }) => {
  const report = await fileReport(caller, params.id, body, audit);
  return { body: report, location: `/v1/accounts/${params.id}/reports/${report.month}` };
});
