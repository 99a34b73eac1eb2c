import { beforeAll, describe, expect, it } from 'vitest';
import * as store from '#shared/db/pay.ts';
import { Conflict } from '#shared/errors.ts';
import { createTestTable } from '#test/support/table.ts';

beforeAll(createTestTable);

const conflictType = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Conflict);
  return (error as Conflict).slug;
};

describe('the period lock', () => {
  it('lets one close hold a period at a time, and frees it on release', async () => {
    await store.acquirePeriodLock('2040-Q1', 'first', 1_000, 60);
    expect(await conflictType(store.acquirePeriodLock('2040-Q1', 'second', 2_000, 60))).toBe('close-in-progress');
    await store.releasePeriodLock('2040-Q1', 'second'); // not the holder: changes nothing
    expect(await conflictType(store.acquirePeriodLock('2040-Q1', 'second', 3_000, 60))).toBe('close-in-progress');
    await store.releasePeriodLock('2040-Q1', 'first');
    await store.acquirePeriodLock('2040-Q1', 'second', 4_000, 60);
  });

  it('lets a new close take over a lock whose holder died (expired)', async () => {
    await store.acquirePeriodLock('2040-Q2', 'crashed', 1_000, 60);
    await store.acquirePeriodLock('2040-Q2', 'next', 1_000 + 61_000, 60);
  });

  it('refuses any close of a finalised period', async () => {
    const state = { period: '2040-Q3', status: 'draft' as const, version: 1, closedAt: '2040-10-01T00:00:00Z', finalizedAt: null, finalizedBy: null };
    await store.savePeriodState(state);
    await store.markFinal(state, [], { actorId: 'c', requestId: 'r', at: '2040-10-02T00:00:00Z' });
    expect(await conflictType(store.acquirePeriodLock('2040-Q3', 'late', 5_000, 60))).toBe('period-finalised');
    expect((await store.getPeriodState('2040-Q3'))?.status).toBe('final');
  });
});
