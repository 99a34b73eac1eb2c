import { generateKeys, signToken } from '#local/keys.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import { all } from '#shared/db/entity.ts';
import { listStaff, trainingResults } from '#shared/db/staff.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedDeparted, seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
let leader: Staff;
let finance: Staff;
let salesManager: Staff;
let departed: Staff;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  leader = await seedStaff(['leadership']);
  finance = await seedStaff(['finance']);
  salesManager = await seedStaff(['sales_manager']);
  departed = await seedDeparted(['coordinator']);
});
afterAll(() => api.close());

const newMember = { name: '王小明', department: '市场部', roles: ['sales_manager'], grade: 'P6' };
const createMember = async () => {
  const reply = await api.call('POST', '/v1/staff', coordinator.id, { body: newMember });
  expect(reply.status).toBe(201);
  return reply.body as Staff;
};

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: (target: Staff) => string;
  body?: unknown;
  /** A body with every kind of mistake, and the field paths the 400 must name. */
  badBody?: { body: unknown; paths: string[] };
  /** Someone authenticated whom the route must refuse. */
  refused: () => Staff;
  /** Whose record the path names (default: the sales manager). */
  target?: () => Staff;
}

const routes: RouteCase[] = [
  {
    name: 'POST /v1/staff', method: 'POST', path: () => '/v1/staff', body: newMember, refused: () => leader,
    badBody: { body: { name: '', roles: ['boss', 'boss'], grade: 6, nickname: 'x' }, paths: ['body.name', 'body.department', 'body.roles.0', 'body.roles.1', 'body.grade', 'body.nickname'] },
  },
  { name: 'GET /v1/staff/{id}', method: 'GET', path: (t) => `/v1/staff/${t.id}`, refused: () => salesManager, target: () => leader },
  { name: 'GET /v1/staff', method: 'GET', path: () => '/v1/staff?role=sales_manager', refused: () => salesManager },
  {
    name: 'PATCH /v1/staff/{id}', method: 'PATCH', path: (t) => `/v1/staff/${t.id}`, body: { grade: 'P7' }, refused: () => finance,
    badBody: { body: { roles: [], status: 'departed' }, paths: ['body.roles', 'body.status'] },
  },
  {
    name: 'POST /v1/staff/{id}/training', method: 'POST', path: (t) => `/v1/staff/${t.id}/training`, refused: () => leader,
    body: { kind: 'basic', passed: true, completedOn: '2026-03-01', score: 92 },
    badBody: { body: { kind: 'advanced', passed: 'yes', completedOn: '2026-02-30', score: 101 }, paths: ['body.kind', 'body.passed', 'body.completedOn', 'body.score'] },
  },
  {
    name: 'POST /v1/staff/{id}/certifications', method: 'POST', path: (t) => `/v1/staff/${t.id}/certifications`, refused: () => salesManager,
    body: { level: 'junior', awardedOn: '2026-06-30', scores: { performance: 90, satisfaction: 88, professionalism: 85 } },
    badBody: { body: { level: 'expert', awardedOn: '30/06/2026', scores: { performance: -1, satisfaction: 88 } }, paths: ['body.level', 'body.awardedOn', 'body.scores.performance', 'body.scores.professionalism'] },
  },
  {
    name: 'POST /v1/staff/{id}/departure', method: 'POST', path: (t) => `/v1/staff/${t.id}/departure`, refused: () => finance,
    body: { leftOn: '2026-11-30' },
    badBody: { body: { leftOn: 'soon', reason: 'x' }, paths: ['body.leftOn', 'body.reason'] },
  },
];

describe.each(routes)('$name', (route) => {
  const headers = (version = 1) => (route.method === 'PATCH' ? { 'if-match': `"${version}"` } : undefined);
  const call = async (as: string | null, options: { token?: string | null; body?: unknown; target?: Staff } = {}) => {
    const target = options.target ?? route.target?.() ?? salesManager;
    return api.call(route.method, route.path(target), as, { token: options.token, body: options.body ?? route.body, headers: headers(target.version) });
  };

  it('answers 401 without a token', async () => {
    expect((await call(null)).status).toBe(401);
  });

  it('answers 401 to a token that is forged, expired, or for another audience or issuer', async () => {
    const stranger = await generateKeys();
    const own = api.keys.privateKey;
    const bad = [
      await signToken(stranger.privateKey, coordinator.id),
      await signToken(own, coordinator.id, { expiresIn: '-1m' }),
      await signToken(own, coordinator.id, { audience: 'someone-else' }),
      await signToken(own, coordinator.id, { issuer: 'https://evil.example.com' }),
      'not-a-jwt',
    ];
    for (const token of bad) expect((await call(null, { token })).status).toBe(401);
  });

  it('answers 403 to a role that may not call it, and to a departed coordinator', async () => {
    const refused = await call(route.refused().id);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect((await call(departed.id)).body).toMatchObject({ status: 403, type: expect.stringMatching(/staff-departed$/) });
  });

  it('answers 401 to a validly signed token whose subject names no staff record', async () => {
    const unknown = await call('nobody-at-all');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(unknown.body).toMatchObject({ status: 401, type: expect.stringMatching(/unauthorized$/) });
  });

  if (route.badBody !== undefined) {
    const { body, paths } = route.badBody;
    it('answers 400 naming every bad field, and changes nothing', async () => {
      const target = await createMember();
      const reply = await call(coordinator.id, { body, target });
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort());
      const unchanged = await api.call('GET', `/v1/staff/${target.id}`, coordinator.id);
      expect(unchanged.body).toEqual(target);
    });
  }
});

describe('reading staff', () => {
  it('lets a sales manager read their own record, with an ETag, but nobody else’s', async () => {
    const own = await api.call('GET', `/v1/staff/${salesManager.id}`, salesManager.id);
    expect(own.status).toBe(200);
    expect(own.body).toEqual(salesManager);
    expect(own.headers.get('etag')).toBe('"1"');
    expect((await api.call('GET', `/v1/staff/${coordinator.id}`, salesManager.id)).status).toBe(403);
  });

  it('answers 404 for an id that does not exist', async () => {
    const reply = await api.call('GET', '/v1/staff/01NOSUCHSTAFF', finance.id);
    expect(reply.status).toBe(404);
    expect(reply.body.type).toMatch(/not-found$/);
  });

  it('filters by role and department and pages with a cursor', async () => {
    const department = `测试部-${Date.now()}`;
    for (let i = 0; i < 3; i++) await api.call('POST', '/v1/staff', coordinator.id, { body: { ...newMember, department, roles: ['contact_leader'] } });
    const first = await api.call('GET', `/v1/staff?role=contact_leader&department=${encodeURIComponent(department)}&limit=2`, leader.id);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const rest = await api.call('GET', `/v1/staff?role=contact_leader&department=${encodeURIComponent(department)}&limit=2&cursor=${first.body.nextCursor}`, leader.id);
    const ids = [...first.body.items, ...rest.body.items].map((s: Staff) => s.id);
    expect(new Set(ids).size).toBe(3);
    const all = await api.call('GET', `/v1/staff?department=${encodeURIComponent(department)}`, leader.id);
    expect(all.body.items.map((s: Staff) => s.department)).toEqual([department, department, department]);
    expect((await api.call('GET', '/v1/staff?limit=201', leader.id)).body.errors[0].path).toBe('query.limit');
    expect((await api.call('GET', '/v1/staff?cursor=garbage', leader.id)).status).toBe(400);
    expect((await api.call('GET', `/v1/staff?department=x&cursor=${first.body.nextCursor}`, leader.id)).body.errors[0].path).toBe('query.cursor');
  });
});

describe('creating and changing staff', () => {
  it('creates with 201, Location and ETag; Chinese text round-trips unchanged', async () => {
    const reply = await api.call('POST', '/v1/staff', coordinator.id, { body: newMember });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/v1/staff/${reply.body.id}`);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.body).toMatchObject({ ...newMember, status: 'active', training: { basicPassed: false, rotationPassed: false }, certification: null, version: 1 });
    expect((await api.call('GET', reply.headers.get('location') ?? '', coordinator.id)).body.name).toBe('王小明');
  });

  it('patches with If-Match: 428 without it, 412 when stale, 200 with the next version and an audit record', async () => {
    const member = await createMember();
    const path = `/v1/staff/${member.id}`;
    expect((await api.call('PATCH', path, coordinator.id, { body: { grade: 'P7' } })).status).toBe(428);
    const ok = await api.call('PATCH', path, coordinator.id, { body: { grade: 'P7' }, headers: { 'if-match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ grade: 'P7', version: 2 });
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await api.call('PATCH', path, coordinator.id, { body: { grade: 'P9' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await api.call('GET', path, coordinator.id)).body.grade).toBe('P7');
    const trail = await listAuditTrail('staff', member.id);
    expect(trail.map((a) => [a.action, a.actorId])).toEqual([['create', coordinator.id], ['update', coordinator.id]]);
  });

  it('records training and certification on the record the training gate reads', async () => {
    const member = await createMember();
    const training = (kind: string) => api.call('POST', `/v1/staff/${member.id}/training`, coordinator.id, { body: { kind, passed: true, completedOn: '2026-03-01' } });
    expect((await training('basic')).body.training).toEqual({ basicPassed: true, rotationPassed: false });
    const rotation = await training('rotation');
    expect(rotation.status).toBe(201);
    expect(rotation.body).toMatchObject({ training: { basicPassed: true, rotationPassed: true }, version: 3 });
    const cert = await api.call('POST', `/v1/staff/${member.id}/certifications`, coordinator.id, {
      body: { level: 'intermediate', awardedOn: '2026-06-30', scores: { performance: 90, satisfaction: 88, professionalism: 85 } },
    });
    expect(cert.status).toBe(422);
    expect(cert.body.type).toMatch(/certification-out-of-order$/);
  });

  it('ends a departed member’s access at once and refuses a second departure', async () => {
    const member = await createMember();
    expect((await api.call('GET', `/v1/staff/${member.id}`, member.id)).status).toBe(200);
    const left = await api.call('POST', `/v1/staff/${member.id}/departure`, coordinator.id, { body: { leftOn: '2026-11-30' } });
    expect(left.status).toBe(201);
    expect(left.body).toMatchObject({ status: 'departed', leftOn: '2026-11-30' });
    expect((await api.call('GET', `/v1/staff/${member.id}`, member.id)).status).toBe(403);
    expect((await api.call('POST', `/v1/staff/${member.id}/departure`, coordinator.id, { body: { leftOn: '2026-12-01' } })).status).toBe(409);
  });
});

describe('Idempotency-Key on POST', () => {
  it('returns the first reply again for the same key and body, and creates one record', async () => {
    const stamp = Date.now();
    const department = `幂等-${stamp}`;
    const body = { ...newMember, department };
    const headers = { 'idempotency-key': `create-${stamp}` };
    const first = await api.call('POST', '/v1/staff', coordinator.id, { body, headers });
    const again = await api.call('POST', '/v1/staff', coordinator.id, { body: { grade: 'P6', roles: ['sales_manager'], department, name: '王小明' }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect((await listStaff({ department, limit: 50 })).items).toHaveLength(1);
  });

  it('refuses the same key with another body (422) and keeps the first effect only', async () => {
    const member = await createMember();
    const headers = { 'idempotency-key': `training-${member.id}` };
    const path = `/v1/staff/${member.id}/training`;
    const body = { kind: 'basic', passed: true, completedOn: '2026-03-01' };
    expect((await api.call('POST', path, coordinator.id, { body, headers })).status).toBe(201);
    expect((await api.call('POST', path, coordinator.id, { body, headers })).status).toBe(201);
    const other = await api.call('POST', path, coordinator.id, { body: { ...body, kind: 'rotation' }, headers });
    expect(other.status).toBe(422);
    expect(other.body.type).toMatch(/idempotency-key-reused$/);
    expect(await all(trainingResults, 'ofStaff', { staffId: member.id })).toHaveLength(1);
  });

  it('replays a departure instead of calling it a second departure', async () => {
    const member = await createMember();
    const headers = { 'idempotency-key': `leave-${member.id}` };
    const path = `/v1/staff/${member.id}/departure`;
    const first = await api.call('POST', path, coordinator.id, { body: { leftOn: '2026-11-30' }, headers });
    const retry = await api.call('POST', path, coordinator.id, { body: { leftOn: '2026-11-30' }, headers });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
  });
});

describe('e-mail and sign-in (local mode: the signing key, nothing to keep in step)', () => {
  it('keeps the e-mail given at creation and by PATCH, trimmed; refuses one that is not an address', async () => {
    // Act
    const created = await api.call('POST', '/v1/staff', coordinator.id, { body: { ...newMember, email: ' wang.xm@g-company.cn ' } });
    const bad = await api.call('POST', '/v1/staff', coordinator.id, { body: { ...newMember, email: 'wang.xm at g-company' } });
    const patched = await api.call('PATCH', `/v1/staff/${created.body.id}`, coordinator.id, {
      body: { email: 'xiaoming.wang@g-company.cn' },
      headers: { 'if-match': created.headers.get('etag') ?? '' },
    });

    // Assess
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'wang.xm@g-company.cn', version: 1 });
    expect(created.body.signInPending).toBeUndefined();
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'body.email', message: 'must be an e-mail address such as name@example.com' }]);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ email: 'xiaoming.wang@g-company.cn', version: 2 });
  });

  it('leaves the e-mail optional locally, so members made without one keep working', async () => {
    const member = await createMember();
    expect(member.email).toBeUndefined();
  });

  it('lets a coordinator re-run a member’s sign-in sync (200, the record unchanged), and no one else', async () => {
    // Arrange
    const member = await createMember();

    // Act
    const rerun = await api.call('POST', `/v1/staff/${member.id}/sign-in-sync`, coordinator.id);
    const refused = await api.call('POST', `/v1/staff/${member.id}/sign-in-sync`, leader.id);
    const missing = await api.call('POST', '/v1/staff/NOSUCHSTAFF/sign-in-sync', coordinator.id);

    // Assess
    expect(rerun.status).toBe(200);
    expect(rerun.body).toEqual(member);
    expect(refused.status).toBe(403);
    expect(missing.status).toBe(404);
  });
});
