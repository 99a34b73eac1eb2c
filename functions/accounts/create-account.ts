import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { accountLocation, createAccount } from '#shared/usecases/accounts.ts';

export const handler = idempotentRoute(accountRoutes.createAccount, async ({ body, audit }) => {
  const account = await createAccount(body, audit);
  return { body: account, location: accountLocation(account.id) };
});
