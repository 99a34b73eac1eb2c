import { httpRoute } from '#shared/http/handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { findAccounts } from '#shared/usecases/accounts.ts';

export const handler = httpRoute(accountRoutes.listAccounts, async ({ query, caller }) => ({
  body: await findAccounts(caller, query),
}));
