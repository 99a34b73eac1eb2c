import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { accountLocation, reassignAccount } from '#shared/usecases/accounts.ts';

export const handler = idempotentRoute(accountRoutes.reassignAccount, async ({ params, body, audit }) => ({
  body: await reassignAccount(params.id, body, audit),
  location: `${accountLocation(params.id)}/assignments`,
}));
