import { httpRoute } from '#shared/http/handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { newsFeed } from '#shared/usecases/news.ts';

export const handler = httpRoute(loyaltyRoutes.listNewsFeed, async ({ query }) => ({ body: await newsFeed(query) }));
