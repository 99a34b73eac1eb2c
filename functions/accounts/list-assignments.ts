import { httpRoute } from '#shared/http/handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { assignmentHistory } from '#shared/usecases/accounts.ts';

export const handler = httpRoute(accountRoutes.listAccountAssignments, async ({ params, caller }) => ({
  body: await assignmentHistory(caller, params.id),
}));
