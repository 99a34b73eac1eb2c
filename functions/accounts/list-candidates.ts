import { httpRoute } from '#shared/http/handler.ts';
import * as accountRoutes from '#shared/routes/accounts.ts';
import { keyAccountCandidates } from '#shared/usecases/accounts.ts';

export const handler = httpRoute(accountRoutes.listKeyAccountCandidates, async ({ query }) => ({
  body: await keyAccountCandidates(query.year, query.limit, query.cursor),
}));
