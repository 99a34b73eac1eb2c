import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all } from '#shared/db/entity.ts';
import { getStaffById, trainingResults } from '#shared/db/staff.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

let api: Api;
beforeAll(async () => {
  await createTestTable();
  api = await startApi();
});
afterAll(() => api.close());

describe('optimistic concurrency under load', () => {
  it('lets exactly one of 20 parallel PATCHes with the same If-Match win; the rest get 412 and the record is the winner’s', async () => {
    const coordinator = await seedStaff(['coordinator']);
    const target = await seedStaff(['sales_manager']);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.call('PATCH', `/v1/staff/${target.id}`, coordinator.id, {
          body: { name: `writer ${i}`, grade: `P${i}` },
          headers: { 'if-match': `"${target.version}"` },
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = replies.find((r) => r.status === 200)?.body;
    expect(await getStaffById(target.id)).toEqual(winner);
    expect(winner.version).toBe(2);
  });

  it('loses no training result when 10 are recorded at once without If-Match', async () => {
    const coordinator = await seedStaff(['coordinator']);
    const target = await seedStaff(['sales_manager']);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.call('POST', `/v1/staff/${target.id}/training`, coordinator.id, {
          body: { kind: i % 2 === 0 ? 'basic' : 'rotation', passed: true, completedOn: `2026-03-${String(i + 1).padStart(2, '0')}` },
        }),
      ),
    );
    const ok = replies.filter((r) => r.status === 201).length;
    // Each either lands or is told to retry (409); none is silently lost.
    expect(replies.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(ok).toBeGreaterThan(0);
    expect((await getStaffById(target.id))?.version).toBe(1 + ok);
    expect(await all(trainingResults, 'ofStaff', { staffId: target.id })).toHaveLength(ok);
  });
});
