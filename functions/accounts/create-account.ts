import { httpRoute } from '#shared/http/handler.ts';
import { accountRoutes } from '#shared/routes/accounts.ts';
import { accountLocation, createAccount } from '#shared/usecases/accounts.ts';

export const handler = httpRoute(accountRoutes.createAccount, async ({ body, audit }) => {
  const account = await createAccount(body, audit);
  return { body: account, location: accountLocation(account.id) };
});
