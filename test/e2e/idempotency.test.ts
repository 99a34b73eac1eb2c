import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '#shared/schemas/staff.ts';
import { createKeyAccount, seedTrainedSalesManager } from '#test/support/accounts.ts';
import { type Api, type Reply, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
let coordinator: Staff;
let manager: Staff;
let contactLeader: Staff;
let accountId: string;

beforeAll(async () => {
  await createTestTable();
  api = await startApi();
  coordinator = await seedStaff(['coordinator']);
  contactLeader = await seedStaff(['contact_leader']);
  manager = await seedTrainedSalesManager();
  accountId = (await createKeyAccount(api, coordinator.id, contactLeader.id, manager.id)).id;
});
afterAll(() => api.close());

const burst = 20;
const rounds = 3;

/** 20 identical creates at once: one 201, and each other reply is that same reply or 409 in progress. */
const expectOneWrite = (replies: Reply[]) => {
  const created = replies.filter((r) => r.status === 201);
  expect(created.length, JSON.stringify(replies.map((r) => r.status))).toBeGreaterThanOrEqual(1);
  const first = created[0]?.body;
  for (const reply of replies) {
    if (reply.status === 201) {
      expect(reply.body).toEqual(first);
    } else {
      expect(reply.status, JSON.stringify(reply.body)).toBe(409);
      expect(reply.headers.get('content-type')).toBe('application/problem+json');
      expect(reply.body.type).toMatch(/\/idempotency-in-progress$/);
    }
  }
  return first as { id: string };
};

const send = (path: string, as: string, body: unknown, key: string) =>
  Promise.all(Array.from({ length: burst }, () => api.call('POST', path, as, { body, headers: { 'idempotency-key': key } })));

describe('an Idempotency-Key under a burst of identical requests', () => {
  it('creates one account, never a second', async () => {
    for (let round = 0; round < rounds; round++) {
      const name = `并发客户-${round}-${Date.now()}`;
      const first = expectOneWrite(await send('/v1/accounts', coordinator.id, { name, industry: '能源' }, `acct-${round}-${Date.now()}`));
      const listed = (await api.call('GET', `/v1/accounts?name=${encodeURIComponent(name)}`, coordinator.id)).body.items;
      expect(listed.map((a: { id: string }) => a.id)).toEqual([first.id]);
    }
  });

  it('opens one opportunity, never a second', async () => {
    for (let round = 0; round < rounds; round++) {
      const title = `并发商机-${round}-${Date.now()}`;
      const body = { accountId, title, source: 'client_visit', estimatedAmount: 1_000_000 };
      const first = expectOneWrite(await send('/v1/opportunities', manager.id, body, `opp-${round}-${Date.now()}`));
      const listed = (await api.call('GET', `/v1/opportunities?accountId=${accountId}&limit=200`, manager.id)).body.items;
      expect(listed.filter((o: { title: string }) => o.title === title).map((o: { id: string }) => o.id)).toEqual([first.id]);
    }
  });

  it('records one visit, never a second', async () => {
    for (let round = 0; round < rounds; round++) {
      const summary = `并发拜访-${round}-${Date.now()}`;
      const visitedOn = `2026-02-${String(round + 1).padStart(2, '0')}`;
      const first = expectOneWrite(
        await send(`/v1/accounts/${accountId}/visits`, manager.id, { type: 'routine_visit', visitedOn, summary }, `visit-${round}-${Date.now()}`),
      );
      const listed = (await api.call('GET', `/v1/accounts/${accountId}/visits?from=${visitedOn}&to=${visitedOn}`, manager.id)).body.items;
      expect(listed.filter((v: { summary: string }) => v.summary === summary).map((v: { id: string }) => v.id)).toEqual([first.id]);
    }
  });

  it('keeps the first reply when the key is reused with another body (422), so a retry of the first still gets it', async () => {
    const name = `复用键客户-${Date.now()}`;
    const key = `reuse-${Date.now()}`;
    const first = await api.call('POST', '/v1/accounts', coordinator.id, { body: { name, industry: '能源' }, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const other = await api.call('POST', '/v1/accounts', coordinator.id, { body: { name: `${name}-2`, industry: '能源' }, headers: { 'idempotency-key': key } });
    expect(other.status).toBe(422);
    expect(other.body.type).toMatch(/\/idempotency-key-reused$/);
    const again = await api.call('POST', '/v1/accounts', coordinator.id, { body: { name, industry: '能源' }, headers: { 'idempotency-key': key } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const listed = (await api.call('GET', `/v1/accounts?name=${encodeURIComponent(name)}`, coordinator.id)).body.items;
    expect(listed.map((a: { id: string }) => a.id)).toEqual([first.body.id]);
  });
});
