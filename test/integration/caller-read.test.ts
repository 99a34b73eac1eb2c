import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureAdmin } from '#local/bootstrap.ts';
import { handler as getStaff } from '#functions/staff/get-staff.ts';
import { handler as patchStaff } from '#functions/staff/patch-staff.ts';
import { db } from '#shared/db/client.ts';
import { createStaff, recordDeparture, updateStaff } from '#shared/usecases/staff.ts';
import { forgetCallers } from '#shared/http/authenticate.ts';
import type { Role } from '#shared/schemas/common.ts';
import { lambdaContext, sampleEvent } from '#test/support/events.ts';
import { createTestTable } from '#test/support/table.ts';

/*
 * One round trip per read (shared/http/authenticate.ts): a read that writes nothing starts
 * with the caller's earlier reading while this request's own read of the staff record runs
 * beside it, and decides by the fresh one. These tests pin both halves: the reads overlap,
 * and a departure or demotion is refused at once, by the very next request.
 */
const audit = { actorId: 'admin', requestId: 'caller-read', at: '2026-01-01T00:00:00.000Z' };

const asCaller = (callerId: string, staffId: string, extra: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
  const event = sampleEvent('http-get-staff.json');
  event.pathParameters = { id: staffId };
  event.rawPath = `/v1/staff/${staffId}`;
  event.requestContext.authorizer.jwt.claims = { ...event.requestContext.authorizer.jwt.claims, sub: callerId, username: callerId };
  if (extra.body !== undefined) {
    event.body = JSON.stringify(extra.body);
    event.headers = { ...event.headers, 'content-type': 'application/json', ...extra.headers };
  }
  return event;
};

const newPerson = async (roles: Role[]) =>
  createStaff({ name: `Reader ${roles.join(' ')}`, department: 'Market coordination group', roles, grade: 'P5' }, audit);

/** The most DynamoDB calls in flight at once while `run` runs. */
const peakInFlight = async <T>(run: () => Promise<T>): Promise<{ result: T; peak: number; calls: number }> => {
  const send = db.send.bind(db);
  let inFlight = 0;
  let peak = 0;
  let calls = 0;
  const spy = vi.spyOn(db, 'send').mockImplementation(((command: Parameters<typeof send>[0]) => {
    inFlight++;
    calls++;
    peak = Math.max(peak, inFlight);
    return (send(command) as Promise<unknown>).finally(() => inFlight--);
  }) as typeof db.send);
  try {
    return { result: await run(), peak, calls };
  } finally {
    spy.mockRestore();
  }
};

const statusOf = (result: Awaited<ReturnType<typeof getStaff>>) => ({ status: result.statusCode, type: JSON.parse(result.body ?? '{}').type as string | undefined });

beforeAll(async () => {
  await createTestTable();
  await ensureAdmin();
});
afterEach(() => forgetCallers());

describe('GET /v1/staff/{id}: the caller and the object are read in one round trip', () => {
  it('reads one after the other on a cold function, side by side once the caller is known', async () => {
    const reader = await newPerson(['coordinator']);
    const cold = await peakInFlight(() => getStaff(asCaller(reader.id, 'admin'), lambdaContext('get-staff')));
    expect(cold.result.statusCode).toBe(200);
    expect(cold).toMatchObject({ peak: 1, calls: 2 });
    const warm = await peakInFlight(() => getStaff(asCaller(reader.id, 'admin'), lambdaContext('get-staff')));
    expect(warm.result.statusCode).toBe(200);
    expect(JSON.parse(warm.result.body ?? '')).toMatchObject({ id: 'admin' });
    expect(warm).toMatchObject({ peak: 2, calls: 2 });
  });

  it('a caller reading their own record, once known, costs one read: the two reads of one key in one request are one', async () => {
    const reader = await newPerson(['department_staff']);
    expect((await getStaff(asCaller(reader.id, reader.id), lambdaContext('get-staff'))).statusCode).toBe(200);
    const own = await peakInFlight(() => getStaff(asCaller(reader.id, reader.id), lambdaContext('get-staff')));
    expect(own.result.statusCode).toBe(200);
    expect(own.calls).toBe(1);
    // Never shared across requests: two requests side by side read for themselves.
    const both = await peakInFlight(() =>
      Promise.all([getStaff(asCaller(reader.id, reader.id), lambdaContext('get-staff')), getStaff(asCaller(reader.id, reader.id), lambdaContext('get-staff'))]),
    );
    expect(both.calls).toBe(2);
  });

  it('a cold function reading the caller’s own record costs one read too: a read that writes nothing keeps what it has read', async () => {
    const reader = await newPerson(['department_staff']);
    const cold = await peakInFlight(() => getStaff(asCaller(reader.id, reader.id), lambdaContext('get-staff')));
    expect(cold.result.statusCode).toBe(200);
    expect(JSON.parse(cold.result.body ?? '')).toMatchObject({ id: reader.id });
    expect(cold.calls).toBe(1);
  });

  it('a write reads again what it read before: a PATCH of one’s own record reads it as the caller and again to change it', async () => {
    const reader = await newPerson(['coordinator']);
    const patch = await peakInFlight(() =>
      patchStaff(
        { ...asCaller(reader.id, reader.id, { body: { grade: 'P6' }, headers: { 'if-match': `"${reader.version}"` } }), routeKey: 'PATCH /v1/staff/{id}' },
        lambdaContext('patch-staff'),
      ),
    );
    expect(patch.result.statusCode).toBe(200);
    // The caller’s read, the use case’s own read of the same key, the write.
    expect(patch.calls).toBe(3);
  });

  it('a demoted caller is refused by the very next read (the handler runs again with the fresh record)', async () => {
    const reader = await newPerson(['coordinator']);
    expect((await getStaff(asCaller(reader.id, 'admin'), lambdaContext('get-staff'))).statusCode).toBe(200);
    await updateStaff(reader.id, reader.version, { roles: ['department_staff'] }, audit);
    const demoted = await peakInFlight(() => getStaff(asCaller(reader.id, 'admin'), lambdaContext('get-staff')));
    expect(statusOf(demoted.result)).toEqual({ status: 403, type: expect.stringContaining('role-not-allowed') });
    expect(demoted.peak).toBe(2); // it did start with the earlier reading: the refusal came from the fresh one
    // Their own record they may still read.
    expect((await getStaff(asCaller(reader.id, reader.id), lambdaContext('get-staff'))).statusCode).toBe(200);
  });

  it('a departed caller is refused at once, also when the object does not exist or the input is bad', async () => {
    const reader = await newPerson(['coordinator']);
    expect((await getStaff(asCaller(reader.id, 'admin'), lambdaContext('get-staff'))).statusCode).toBe(200);
    await recordDeparture(reader.id, '2026-01-02', audit);
    for (const target of ['admin', 'nobody-of-that-id', 'not valid!']) {
      expect(statusOf(await getStaff(asCaller(reader.id, target), lambdaContext('get-staff')))).toEqual({
        status: 403,
        type: expect.stringContaining('staff-departed'),
      });
    }
  });

  it('a promoted caller gets what the fresh record allows, not the earlier refusal', async () => {
    const reader = await newPerson(['department_staff']);
    expect(statusOf(await getStaff(asCaller(reader.id, 'admin'), lambdaContext('get-staff'))).status).toBe(403);
    expect((await getStaff(asCaller(reader.id, reader.id), lambdaContext('get-staff'))).statusCode).toBe(200); // remembered
    await updateStaff(reader.id, reader.version, { roles: ['finance'] }, audit);
    expect((await getStaff(asCaller(reader.id, 'admin'), lambdaContext('get-staff'))).statusCode).toBe(200);
  });

  it('writes still read the caller before anything else', async () => {
    const reader = await newPerson(['coordinator']);
    const target = await newPerson(['department_staff']);
    const patch = () =>
      patchStaff(
        { ...asCaller(reader.id, target.id, { body: { grade: 'P6' }, headers: { 'if-match': `"${target.version}"` } }), routeKey: 'PATCH /v1/staff/{id}' },
        lambdaContext('patch-staff'),
      );
    const first = await peakInFlight(patch);
    expect(first.result.statusCode).toBe(200);
    expect(first.peak).toBe(1);
  });
});
