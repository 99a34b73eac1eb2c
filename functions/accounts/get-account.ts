import { httpRoute } from '#shared/http/handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { readAccount } from '#shared/usecases/accounts.ts';

export const handler = httpRoute(accountRoutes.getAccount, async ({ params, caller }) => ({
  body: await readAccount(caller, params.id),
}));
