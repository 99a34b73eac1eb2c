import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { newsLocation, recordNews } from '#shared/usecases/news.ts';

export const handler = idempotentRoute(loyaltyRoutes.recordAccountNews, async ({ params, body, caller, audit }) => {
  const news = await recordNews(caller, params.id, body, audit);
  return { body: news, location: newsLocation(news) };
});
