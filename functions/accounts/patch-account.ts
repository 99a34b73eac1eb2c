import { changeRoute } from '#shared/http/change-handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { updateAccount } from '#shared/usecases/accounts.ts';

export const handler = changeRoute(accountRoutes.patchAccount, async ({ params, body, caller, ifMatch, audit }) => ({
  body: await updateAccount(caller, params.id, ifMatch, body, audit),
}));
