import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, type Reply, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
let manager: Staff;
let departmentStaff: Staff;
let accountId: string;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  const contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  departmentStaff = await seedStaff(['department_staff'], { department: '交付部' });
  accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
});
afterAll(() => api.close());

/** A 400 problem+json that names exactly these fields. */
const expectRefused = (reply: Reply, paths: string[]) => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(400);
  expect(reply.headers.get('content-type')).toBe('application/problem+json');
  expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
};

describe('numbers DynamoDB cannot store are a 400, never a 500', () => {
  it('refuses a training score of 1e-300', async () => {
    const reply = await api.call('POST', `/v1/staff/${manager.id}/training`, coordinator.id, {
      body: { kind: 'basic', passed: true, completedOn: '2026-01-10', score: 1e-300 },
    });
    expectRefused(reply, ['body.score']);
    expect(reply.body.errors[0].message).toBe('must have at most 2 decimal places');
  });

  it('refuses a peer score of 1e-300', async () => {
    const reply = await api.call('POST', '/v1/peer-scores', departmentStaff.id, { body: { period: '2026-Q1', targetStaffId: manager.id, score: 1e-300 } });
    expectRefused(reply, ['body.score']);
  });

  it('refuses key figures of 1e308, 9007199254740993 and 1e-300, and a __proto__ key, naming each', async () => {
    const reply = await api.call('POST', `/v1/accounts/${accountId}/reports`, manager.id, {
      rawBody: '{"month":"2026-01","summary":"一月","keyFigures":{"big":1e308,"unsafe":9007199254740993,"tiny":1e-300,"__proto__":1,"ok":2}}',
    });
    expectRefused(reply, ['body.keyFigures.__proto__', 'body.keyFigures.big', 'body.keyFigures.unsafe', 'body.keyFigures.tiny']);
    const stored = await api.call('GET', `/v1/accounts/${accountId}/reports?from=2026-01&to=2026-01`, manager.id);
    expect(stored.status).toBe(200);
    expect(stored.body.items).toEqual([]);
  });
});

describe('text that should be refused is refused', () => {
  it('refuses a pay-policy grade "a\\u0000b" and stores no policy', async () => {
    const reply = await api.call('PUT', '/v1/pay-policies/2031', coordinator.id, {
      body: { grades: [{ grade: 'a\u0000b', monthlyBase: 1, quarterlyPerformanceBase: 1, annualPerformanceBase: 1 }] },
    });
    expectRefused(reply, ['body.grades.0.grade']);
    expect((await api.call('GET', '/v1/pay-policies/2031', coordinator.id)).status).toBe(404);
  });

  it('refuses a name with NUL and a department with a lone surrogate, and keeps Chinese text unchanged', async () => {
    const refused = await api.call('POST', '/v1/staff', coordinator.id, { body: { name: '王\u0000明', department: '市场\uD800部', roles: ['sales_manager'], grade: 'P6' } });
    expectRefused(refused, ['body.name', 'body.department']);
    const created = await api.call('POST', '/v1/staff', coordinator.id, { body: { name: '欧阳·小明 😀', department: '华东区（一部）', roles: ['sales_manager'], grade: '高级' } });
    expect(created.status).toBe(201);
    const read = await api.call('GET', `/v1/staff/${created.body.id}`, coordinator.id);
    expect(read.body).toMatchObject({ name: '欧阳·小明 😀', department: '华东区（一部）', grade: '高级' });
  });

  it('refuses an Idempotency-Key longer than 255 characters', async () => {
    const reply = await api.call('POST', '/v1/staff', coordinator.id, {
      body: { name: '李四', department: '市场部', roles: ['sales_manager'], grade: 'P6' },
      headers: { 'idempotency-key': 'k'.repeat(256) },
    });
    expectRefused(reply, ['headers.idempotency-key']);
  });
});

describe('arrays of a fixed length', () => {
  it('refuses targets whose quarters hold 3 amounts', async () => {
    const reply = await api.call('PUT', `/v1/accounts/${accountId}/targets/2026`, coordinator.id, {
      body: { contractAmount: 3, collectionAmount: 4, quarters: { contract: [1, 1, 1], collection: [1, 1, 1, 1] } },
    });
    expectRefused(reply, ['body.quarters.contract']);
  });

  it('states exactly 4 quarters in the OpenAPI document', async () => {
    const { components } = (await api.call('GET', '/v1/openapi.json', null)).body;
    const body = JSON.stringify(components);
    expect(body).not.toContain('prefixItems');
    const targets = components.schemas.Targets.properties.quarters.properties.contract;
    expect(targets).toMatchObject({ type: 'array', minItems: 4, maxItems: 4 });
  });
});
