import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rendererPackage from 'swagger-ui-dist/package.json' with { type: 'json' };
import { type Api, startApi } from '#test/support/api.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
beforeAll(async () => {
  await createTestTable();
  api = await startApi();
});
afterAll(() => api.close());

const get = (path: string) => fetch(`${api.base}${path}`);

describe('the API reference page', () => {
  it('is served without a token, relative to where it is mounted, with no other origin', async () => {
    const reply = await get('/v1/docs');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe('no-cache');
    expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await reply.text();
    expect(html).toContain(`href="docs/swagger-ui.css?v=${rendererPackage.version}"`);
    expect(html).toContain(`src="docs/swagger-ui-bundle.js?v=${rendererPackage.version}"`);
    expect(html).toContain('src="docs/init.js"');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('does not reflect the request into the page', async () => {
    const reply = await get('/v1/docs?x=%3Cscript%3Ealert(1)%3C/script%3E');
    const html = await reply.text();
    expect(html).not.toContain('alert(1)');
    expect(html).toBe(await (await get('/v1/docs')).text());
  });

  it('serves the renderer and the start script with their types and cache rules', async () => {
    const script = await get(`/v1/docs/swagger-ui-bundle.js?v=${rendererPackage.version}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await script.text()).length).toBeGreaterThan(1_000_000);

    const css = await get('/v1/docs/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.swagger-ui');

    const init = await get('/v1/docs/init.js');
    expect(init.status).toBe(200);
    expect(init.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(init.headers.get('cache-control')).toBe('no-cache');
    expect(await init.text()).toContain("'/v1/openapi.json'");
  });

  it('serves only the allow-listed names', async () => {
    for (const name of ['package.json', 'index.html', '..%2F..%2Fpackage.json', 'swagger-ui.js']) {
      const reply = await get(`/v1/docs/${name}`);
      expect(reply.status, name).toBe(400);
      expect(reply.headers.get('content-type'), name).toContain('application/problem+json');
    }
  });
});
