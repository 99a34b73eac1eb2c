import { httpRoute } from '#shared/http/handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { readTargets } from '#shared/usecases/accounts.ts';

export const handler = httpRoute(accountRoutes.getAccountTargets, async ({ params, caller }) => ({
  body: await readTargets(caller, params.id, params.year),
}));
