/**
 * The API reference page (`GET /v1/docs`): Swagger UI, served by the API itself so that it
 * works with no internet. Nothing of the request is written into the page.
 */
import renderer from 'swagger-ui-dist/package.json' with { type: 'json' };

/** The renderer's files that `GET /v1/docs/{asset}` serves, with their content types. */
export const rendererAssets = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
} as const;
export type RendererAsset = keyof typeof rendererAssets;

/** Copied into the asset function's bundle at the same path, where `shared/docs/renderer.ts` finds them. */
export const rendererBundleFiles = [
  'node_modules/swagger-ui-dist/package.json',
  'node_modules/swagger-ui-dist/LICENSE',
  'node_modules/swagger-ui-dist/NOTICE',
  ...Object.keys(rendererAssets).map((name) => `node_modules/swagger-ui-dist/${name}`),
];

/** Every name `GET /v1/docs/{asset}` answers: the page's start script and the renderer's files. */
export const assetNames = ['init.js', 'swagger-ui-bundle.js', 'swagger-ui.css'] as const satisfies readonly ('init.js' | RendererAsset)[];

/** The versioned URLs may be cached for a year: a new renderer version is a new URL. */
export const rendererCache = 'public, max-age=31536000, immutable';
/** The page and its start script are tiny and change with each deployment. */
export const pageCache = 'no-cache';

/**
 * Relative to `…/v1/docs`, so the page works under any stage path. Inline styles are
 * Swagger UI's own (React style attributes); no inline script, no other origin.
 */
export const pageSecurityHeaders = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

export const docsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Key account management API — reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs/swagger-ui.css?v=${renderer.version}">
</head>
<body>
<noscript>This page needs JavaScript. The raw document is at <a href="openapi.json">openapi.json</a>.</noscript>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js?v=${renderer.version}"></script>
<script src="docs/init.js"></script>
</body>
</html>
`;

/**
 * Loads this API's own document from beside the page and points "try it" at the same
 * origin and stage (the document's `servers` says `/`, which is the root of the host).
 */
export const initScript = `"use strict";
(() => {
  const base = location.pathname.replace(/\\/v1\\/docs\\/?$/, '');
  const show = (message) => {
    const p = document.createElement('p');
    p.textContent = message;
    document.getElementById('swagger-ui').replaceChildren(p);
  };
  fetch(base + '/v1/openapi.json', { headers: { accept: 'application/json' } })
    .then((reply) => {
      if (!reply.ok) throw new Error('GET /v1/openapi.json answered ' + reply.status);
      return reply.json();
    })
    .then((spec) => {
      spec.servers = [{ url: location.origin + base, description: 'This API' }];
      window.ui = SwaggerUIBundle({
        spec,
        dom_id: '#swagger-ui',
        deepLinking: true,
        displayOperationId: true,
        docExpansion: 'list',
        defaultModelsExpandDepth: 0,
        filter: true,
        persistAuthorization: false,
        validatorUrl: null,
      });
    })
    .catch((error) => show('The API document could not be loaded: ' + error.message));
})();
`;
