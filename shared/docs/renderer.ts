/**
 * The renderer's files, read once per cold start. Locally they are in node_modules; in
 * AWS the docs asset function's bundle carries the same path (`bundleFiles` of its route),
 * so one resolution serves both.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type RendererAsset, rendererAssets } from '#shared/docs/page.ts';

const resolveFrom = createRequire(import.meta.url);
const directory = dirname(resolveFrom.resolve('swagger-ui-dist/package.json'));

export const rendererFiles: Readonly<Record<RendererAsset, string>> = Object.fromEntries(
  Object.keys(rendererAssets).map((name) => [name, readFileSync(join(directory, name), 'utf8')]),
) as Record<RendererAsset, string>;
