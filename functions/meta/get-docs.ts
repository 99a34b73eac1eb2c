import { docsPage, pageCache, pageSecurityHeaders } from '#shared/docs/page.ts';
import { publicRoute } from '#shared/http/public-handler.ts';
import * as metaRoutes from '#shared/routes/meta.ts';

export const handler = publicRoute(metaRoutes.getDocs, async () => ({
  body: docsPage,
  contentType: 'text/html; charset=utf-8',
  headers: { ...pageSecurityHeaders, 'cache-control': pageCache },
}));
