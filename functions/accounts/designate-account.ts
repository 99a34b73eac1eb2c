import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { accountLocation, designateAccount } from '#shared/usecases/accounts.ts';

export const handler = idempotentRoute(accountRoutes.designateAccount, async ({ params, body, audit }) => ({
  body: await designateAccount(params.id, body, audit),
  location: accountLocation(params.id),
}));
