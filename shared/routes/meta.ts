import * as z from 'zod/mini';
import { assetNames, rendererBundleFiles } from '#shared/docs/page.ts';
import { defineRoute } from '#shared/http/route.ts';
import { built } from '#shared/built.ts';

/** The page and its files are the project's own (shared/docs/): bounded, and free of control characters but line ends and tabs. */
const servedText = (maxLength: number) => z.string().check(z.maxLength(maxLength), z.regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/));

export const getOpenApi = /* @__PURE__ */ built(() => defineRoute({
  id: 'getOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  handler: 'meta/get-openapi',
  summary: 'This API’s OpenAPI 3.1 document',
  tag: 'Meta',
  auth: 'public',
  tableAccess: 'none',
  response: { status: 200, schema: z.record(z.string(), z.unknown()), description: 'The OpenAPI document' },
}));

export const getDocs = /* @__PURE__ */ built(() => defineRoute({
  id: 'getDocs',
  method: 'GET',
  path: '/v1/docs',
  handler: 'meta/get-docs',
  summary: 'The API reference page (Swagger UI) for this document, with “try it”',
  tag: 'Meta',
  auth: 'public',
  tableAccess: 'none',
  response: { status: 200, schema: servedText(100_000), description: 'An HTML page', contentType: 'text/html' },
}));

export const getDocsAsset = /* @__PURE__ */ built(() => defineRoute({
  id: 'getDocsAsset',
  method: 'GET',
  path: '/v1/docs/{asset}',
  handler: 'meta/get-docs-asset',
  summary: 'A script or style sheet of the API reference page (a fixed list of names)',
  tag: 'Meta',
  auth: 'public',
  tableAccess: 'none',
  params: z.strictObject({ asset: z.enum(assetNames) }),
  response: { status: 200, schema: servedText(5_000_000), description: 'The file', contentType: 'text/*' },
  // Only this function carries the renderer (about 1.9 MB).
  bundleFiles: rendererBundleFiles,
}));
