import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '#shared/routes/index.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
beforeAll(async () => {
  await createTestTable();
  api = await startApi();
});
afterAll(() => api.close());

describe('the OpenAPI document', () => {
  it('is served without a token and validates as OpenAPI 3.1', async () => {
    const reply = await api.call('GET', '/v1/openapi.json', null);
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(reply.body))).resolves.toBeTruthy();
  });

  it('describes every catalogue route, its security and its problem replies', async () => {
    const { paths } = (await api.call('GET', '/v1/openapi.json', null)).body;
    for (const route of catalogue) {
      const operation = paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.operationId, `${route.method} ${route.path}`).toBe(route.id);
      expect(operation.security).toEqual(route.auth === 'public' ? [] : [{ bearer: [] }]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining([String(route.response.status), '400', '500']));
    }
    const operations = Object.values(paths as Record<string, object>).flatMap((item) => Object.keys(item));
    expect(operations).toHaveLength(catalogue.length);
  });
});
