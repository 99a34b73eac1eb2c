import { httpRoute } from '#shared/http/handler.ts';
import { accountRoutes } from '#shared/routes/accounts.ts';
import { updateAccount } from '#shared/usecases/accounts.ts';

export const handler = httpRoute(accountRoutes.patchAccount, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await updateAccount(caller, params.id, ifMatch, body, audit),
}));
