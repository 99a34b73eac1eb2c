import { httpRoute } from '#shared/http/handler.ts';
import { accountRoutes } from '#shared/routes/accounts.ts';
import { accountLocation, designateAccount } from '#shared/usecases/accounts.ts';

export const handler = httpRoute(accountRoutes.designateAccount, async ({ params, body, audit }) => ({
  body: await designateAccount(params.id, body, audit),
  location: accountLocation(params.id),
}));
