import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, AssetStaging, Stack } from 'aws-cdk-lib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { RouteFunction } from '#infra/route-function.ts';
import { routeFunctionProps } from '#infra/stateless-stack.ts';
import * as metaRoutes from '#shared/routes/meta.ts';
import { lambdaContext, sampleEvent } from '#test/support/events.ts';

/**
 * The one place esbuild really runs in the tests: the Meta routes' functions, built as the
 * stateless stack builds them (routeFunctionProps) in a stack of their own, to check what
 * each bundle carries and that the asset function serves the renderer from its bundle.
 */
const bundles = new Map<string, string>();
beforeAll(() => {
  const stack = new Stack(new App(), 'DocsBundles');
  for (const route of Object.values(metaRoutes)) {
    const fn = new RouteFunction(stack, route.id, routeFunctionProps(route));
    const staging = fn.node.findAll().find((child): child is AssetStaging => child instanceof AssetStaging);
    if (staging === undefined) throw new Error(`no bundle for ${route.id}`);
    bundles.set(route.id, staging.absoluteStagedPath);
  }
}, 300_000);
const bundleOf = (routeId: string): string => {
  const dir = bundles.get(routeId);
  if (dir === undefined || !existsSync(join(dir, 'index.mjs'))) throw new Error(`${routeId} was not bundled`);
  return dir;
};

const renderer = 'node_modules/swagger-ui-dist';

describe('the docs functions’ bundles', () => {
  it('put the renderer into the asset function only', () => {
    const assets = bundleOf(metaRoutes.getDocsAsset.id);
    for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css', 'package.json', 'LICENSE']) {
      expect(readFileSync(join(assets, renderer, file)).equals(readFileSync(join(renderer, file))), file).toBe(true);
    }
    for (const id of [metaRoutes.getDocs.id, metaRoutes.getOpenApi.id]) {
      expect(existsSync(join(bundleOf(id), 'node_modules')), id).toBe(false);
    }
  });

  it('serve the renderer from the bundle as deployed', async () => {
    const { handler } = (await import(pathToFileURL(join(bundleOf(metaRoutes.getDocsAsset.id), 'index.mjs')).href)) as {
      handler: (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;
    };
    const event = sampleEvent('http-get-staff.json');
    const reply = await handler(
      { ...event, routeKey: 'GET /v1/docs/{asset}', rawPath: '/v1/docs/swagger-ui.css', pathParameters: { asset: 'swagger-ui.css' }, requestContext: { ...event.requestContext, authorizer: undefined } },
      lambdaContext('get-docs-asset'),
    );
    expect(reply.statusCode).toBe(200);
    expect(reply.headers?.['content-type']).toBe('text/css; charset=utf-8');
    expect(reply.body).toBe(readFileSync(join(renderer, 'swagger-ui.css'), 'utf8'));
  });
});
