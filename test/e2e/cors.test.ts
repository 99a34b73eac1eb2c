import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '#shared/routes/index.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let local: Api;
let deployed: Api;
let coordinator: Staff;
beforeAll(async () => {
  await createTestTable();
  local = await startApi(); // npm start's default: http://localhost:* and http://127.0.0.1:*
  deployed = await startApi({ corsOrigins: ['https://app.example.com'] });
  coordinator = await seedStaff(['coordinator']);
});
afterAll(async () => {
  await local.close();
  await deployed.close();
});

const catalogueMethods = [...new Set(catalogue.map((route) => route.method))].sort();

const preflight = (api: Api, origin: string, method = 'PATCH') =>
  fetch(`${api.base}/v1/staff/${coordinator.id}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type,if-match' },
  });

describe('CORS', () => {
  it('answers a preflight from an allowed origin with what a front end needs', async () => {
    for (const [api, origin] of [[local, 'http://localhost:5173'], [local, 'http://127.0.0.1:8080'], [deployed, 'https://app.example.com']] as const) {
      const reply = await preflight(api, origin);
      expect(reply.status, origin).toBe(204);
      expect(reply.headers.get('access-control-allow-origin'), origin).toBe(origin);
      expect(reply.headers.get('access-control-allow-methods')?.split(',').sort(), origin).toEqual(catalogueMethods);
      expect(reply.headers.get('access-control-allow-headers')?.split(','), origin).toEqual(
        expect.arrayContaining(['authorization', 'content-type', 'if-match', 'idempotency-key', 'accept-language']),
      );
      expect(reply.headers.get('access-control-max-age')).toBe('3600');
      expect(await reply.text()).toBe('');
    }
  });

  it('gives a preflight from another origin no CORS headers, so the browser refuses the call', async () => {
    for (const [api, origin] of [[local, 'https://evil.example'], [local, 'http://localhost.evil.example'], [deployed, 'http://localhost:5173'], [deployed, 'https://app.example.com.evil.example']] as const) {
      const reply = await preflight(api, origin);
      expect(reply.status, origin).toBe(204);
      expect([...reply.headers.keys()].filter((name) => name.startsWith('access-control-')), origin).toEqual([]);
    }
  });

  it('exposes ETag and Location on the actual responses to an allowed origin, and nothing to others', async () => {
    const origin = 'https://app.example.com';
    const created = await fetch(`${deployed.base}/v1/accounts`, {
      method: 'POST',
      headers: { origin, authorization: `Bearer ${await deployed.token(coordinator.id)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `跨域客户-${Date.now()}`, industry: '能源' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(origin);
    expect(created.headers.get('access-control-expose-headers')?.split(',')).toEqual(['etag', 'location']);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toMatch(/^\/v1\/accounts\//);

    // The gateway's own answers carry them too, so a front end can read a 401.
    const unauthorized = await fetch(`${deployed.base}/v1/staff`, { headers: { origin } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe(origin);

    const other = await fetch(`${deployed.base}/v1/openapi.json`, { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('without an Origin, or as a plain OPTIONS, behaves as if CORS were not there', async () => {
    const plain = await fetch(`${local.base}/v1/openapi.json`);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const options = await fetch(`${local.base}/v1/openapi.json`, { method: 'OPTIONS' });
    expect(options.status).toBe(404);
  });
});
