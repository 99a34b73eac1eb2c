import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '#shared/routes/index.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { createAccount } from '#test/support/accounts.ts';
import { type Api, type Reply, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator', 'leadership'], { department: '市场部' });
  for (let i = 0; i < 3; i++) await seedStaff(['sales_manager'], { department: '市场部' });
  for (let i = 0; i < 3; i++) await createAccount(api, coordinator.id);
});
afterAll(() => api.close());

const expectProblem = (reply: Reply, status: number, slug: string) => {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toBe('application/problem+json');
  expect(reply.body).toMatchObject({ status, type: expect.stringMatching(new RegExp(`/${slug}$`)) });
};

describe('doctored cursors', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** The payload edited, the signature kept, as a caller who tampers with a cursor would. */
  const doctor = (cursor: string, change: (payload: { q: string; k: Record<string, unknown> }) => unknown) => {
    const [payload, signature] = cursor.split('.');
    return `${b64(change(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))))}.${signature}`;
  };
  const doctoredFrom = (real: string, otherList: string) => {
    const [payload, signature = ''] = real.split('.');
    return {
      emptied: doctor(real, (p) => ({ ...p, k: {} })),
      dropped: doctor(real, (p) => ({ ...p, k: Object.fromEntries(Object.entries(p.k).slice(1)) })),
      elsewhere: doctor(real, (p) => ({ ...p, k: { ...p.k, pk: 'STAFF#someone-else' } })),
      unsigned: payload ?? '',
      stripped: `${payload}.`,
      altered: `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`,
      // The old, unsigned form: what a caller could make up before cursors were signed.
      madeUp: b64(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))),
      otherList,
    };
  };

  for (const list of [
    { path: '/v1/staff?department=市场部&limit=1', other: '/v1/accounts?limit=1' },
    { path: '/v1/accounts?limit=1', other: '/v1/staff?limit=1' },
  ]) {
    it(`answers 400 invalid-cursor, never 500, to a doctored cursor on ${list.path}`, async () => {
      const first = await api.call('GET', encodeURI(list.path), coordinator.id);
      expect(first.status).toBe(200);
      const real: string = first.body.nextCursor;
      expect(real).toEqual(expect.any(String));
      const otherList: string = (await api.call('GET', list.other, coordinator.id)).body.nextCursor;
      expect(otherList).toEqual(expect.any(String));
      for (const [name, bad] of Object.entries(doctoredFrom(real, otherList))) {
        const reply = await api.call('GET', `${encodeURI(list.path)}&cursor=${encodeURIComponent(bad)}`, coordinator.id);
        expect(reply.status, name).toBe(400);
        expectProblem(reply, 400, 'invalid-cursor');
        expect(reply.body.errors, name).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
      }
      // The real cursor reads the next page: the refusals are the doctoring.
      const next = await api.call('GET', `${encodeURI(list.path)}&cursor=${encodeURIComponent(real)}`, coordinator.id);
      expect(next.status).toBe(200);
      expect(next.body.items).toHaveLength(1);
      expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    });
  }

  it('refuses a cursor of the same list under another filter', async () => {
    const real: string = (await api.call('GET', encodeURI('/v1/staff?department=市场部&limit=1'), coordinator.id)).body.nextCursor;
    expectProblem(await api.call('GET', `/v1/staff?role=sales_manager&limit=1&cursor=${encodeURIComponent(real)}`, coordinator.id), 400, 'invalid-cursor');
  });
});

describe('JSON bodies only', () => {
  const body = JSON.stringify({ name: '纯文本客户', industry: '能源' });
  const accountsNamed = async (name: string) =>
    (await api.call('GET', `/v1/accounts?name=${encodeURIComponent(name)}`, coordinator.id)).body.items.length;

  it('answers 415 problem+json to a write sent as text/plain, form data or with no type, and stores nothing', async () => {
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await api.call('POST', '/v1/accounts', coordinator.id, { rawBody: body, headers: { 'content-type': type } });
      expectProblem(reply, 415, 'unsupported-media-type');
    }
    // fetch sends a string body as text/plain unless told otherwise; a Blob with no type sends none.
    const token = await api.token(coordinator.id);
    const untyped = await fetch(`${api.base}/v1/accounts`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Blob([body]) });
    expect(untyped.status).toBe(415);
    expect(untyped.headers.get('content-type')).toBe('application/problem+json');
    expect(await accountsNamed('纯文本客户')).toBe(0);
  });

  it('takes application/json with a charset', async () => {
    const reply = await api.call('POST', '/v1/accounts', coordinator.id, { rawBody: body, headers: { 'content-type': 'application/json; charset=UTF-8' } });
    expect(reply.status).toBe(201);
    expect(await accountsNamed('纯文本客户')).toBe(1);
  });

  it('lists 415 in the OpenAPI document for every route with a body, and only those', async () => {
    const { paths } = (await api.call('GET', '/v1/openapi.json', null)).body;
    const withBody = catalogue.filter((route) => route.body !== undefined);
    expect(withBody.length).toBeGreaterThan(30);
    for (const route of catalogue) {
      const responses = Object.keys(paths[route.path][route.method.toLowerCase()].responses);
      expect(responses.includes('415'), `${route.method} ${route.path}`).toBe(route.body !== undefined);
    }
  });
});

describe('validation messages', () => {
  it('says "required" for a missing field', async () => {
    const reply = await api.call('POST', '/v1/accounts', coordinator.id, { body: { industry: '能源' } });
    expectProblem(reply, 400, 'validation-error');
    expect(reply.body.errors).toEqual([{ path: 'body.name', message: 'required' }]);
  });
});
