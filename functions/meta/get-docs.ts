import { docsPage, pageCache, pageSecurityHeaders } from '#shared/docs/page.ts';
import { httpRoute } from '#shared/http/handler.ts';
import { metaRoutes } from '#shared/routes/meta.ts';

export const handler = httpRoute(metaRoutes.getDocs, async () => ({
  body: docsPage,
  contentType: 'text/html; charset=utf-8',
  headers: { ...pageSecurityHeaders, 'cache-control': pageCache },
}));
