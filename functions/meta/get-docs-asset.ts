import { initScript, pageCache, rendererAssets, rendererCache } from '#shared/docs/page.ts';
import { rendererFiles } from '#shared/docs/renderer.ts';
import { publicRoute } from '#shared/http/public-handler.ts';
import * as metaRoutes from '#shared/routes/meta.ts';

export const handler = publicRoute(metaRoutes.getDocsAsset, async ({ params }) => {
  const nosniff = { 'x-content-type-options': 'nosniff' };
  if (params.asset === 'init.js') {
    return { body: initScript, contentType: 'text/javascript; charset=utf-8', headers: { ...nosniff, 'cache-control': pageCache } };
  }
  return {
    body: rendererFiles[params.asset],
    contentType: rendererAssets[params.asset],
    headers: { ...nosniff, 'cache-control': rendererCache },
  };
});
