import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { accountNewsFeed } from '#shared/usecases/news.ts';

export const handler = httpRoute(loyaltyRoutes.listAccountNews, async ({ params, query, caller }) => ({
  body: await accountNewsFeed(caller, params.id, query),
}));
