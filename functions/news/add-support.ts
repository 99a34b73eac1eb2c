import { idempotentRoute } from '#shared/http/idempotent-handler.ts';
import * as loyaltyRoutes from '#shared/routes/loyalty.ts';
import { addNewsSupport, newsLocation } from '#shared/usecases/news.ts';

export const handler = idempotentRoute(loyaltyRoutes.addNewsSupport, async ({ params, body, caller, audit }) => {
  const news = await addNewsSupport(caller, params.id, params.newsId, body, audit);
  return { body: news, location: newsLocation(news) };
});
