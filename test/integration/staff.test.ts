import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '#shared/db/audit.ts';
import { all } from '#shared/db/entity.ts';
import { getStaffById, insertStaff, listStaff, replaceStaff, staffRecordPut, trainingResults } from '#shared/db/staff.ts';
import { newStaff, patchStaff, recordTraining } from '#shared/domain/staff.ts';
import { NotFound, PreconditionFailed } from '#shared/errors.ts';
import { createTestTable } from '#test/support/table.ts';

const audit = { actorId: 'tester', requestId: 'req-1', at: '2026-11-26T08:00:00.000Z' };
const make = (id: string, roles: Parameters<typeof newStaff>[1]['roles'], department = 'Market') =>
  newStaff(id, { name: `Name ${id}`, department, roles, grade: 'P6' });

beforeAll(createTestTable);

describe('staff entity against DynamoDB Local', () => {
  it('writes a member with its audit record in one transaction, and refuses a taken id', async () => {
    const staff = make('I-1', ['sales_manager']);
    expect(await insertStaff(staff, audit)).toBe(true);
    expect(await getStaffById('I-1')).toEqual(staff);
    expect(await insertStaff({ ...staff, name: 'other' }, audit)).toBe(false);
    expect((await getStaffById('I-1'))?.name).toBe('Name I-1');
    const trail = await listAuditTrail('staff', 'I-1');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'create', actorId: 'tester', requestId: 'req-1', after: staff });
  });

  it('lists by role, by department, by both, and everyone, a page at a time', async () => {
    await insertStaff(make('L-1', ['sales_manager'], 'North'), audit);
    await insertStaff(make('L-2', ['sales_manager', 'contact_leader'], 'South'), audit);
    await insertStaff(make('L-3', ['finance'], 'North'), audit);
    const ids = (page: { items: { id: string }[] }) => page.items.map((s) => s.id);

    expect(ids(await listStaff({ role: 'contact_leader', limit: 50 }))).toEqual(['L-2']);
    expect(ids(await listStaff({ department: 'North', limit: 50 }))).toEqual(['L-1', 'L-3']);
    expect(ids(await listStaff({ role: 'sales_manager', department: 'South', limit: 50 }))).toEqual(['L-2']);

    const first = await listStaff({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const rest = await listStaff({ limit: 50, cursor: first.nextCursor ?? undefined });
    expect([...ids(first), ...ids(rest)]).toEqual(['I-1', 'L-1', 'L-2', 'L-3']);
    expect(rest.nextCursor).toBeNull();
  });

  it('replaces only the version it read: a stale writer gets 412, a vanished record 404', async () => {
    const v1 = make('R-1', ['sales_manager']);
    await insertStaff(v1, audit);
    const v2 = patchStaff(v1, { roles: ['contact_leader'] });
    await replaceStaff(v1, v2, 'update', audit);
    await expect(replaceStaff(v1, patchStaff(v1, { name: 'late' }), 'update', audit)).rejects.toBeInstanceOf(PreconditionFailed);
    expect(await getStaffById('R-1')).toEqual(v2);
    await expect(replaceStaff(make('R-404', ['finance']), make('R-404', ['finance']), 'update', audit)).rejects.toBeInstanceOf(NotFound);
  });

  it('moves the role copies with the roles, so role lists never show a role given up', async () => {
    const ids = async (role: 'sales_manager' | 'contact_leader') => (await listStaff({ role, limit: 200 })).items.map((s) => s.id);
    expect(await ids('sales_manager')).not.toContain('R-1');
    expect(await ids('contact_leader')).toContain('R-1');
  });

  it('keeps the training result beside the record, written with it and audited', async () => {
    const before = make('T-1', ['sales_manager']);
    await insertStaff(before, audit);
    const training = { kind: 'basic' as const, passed: true, completedOn: '2026-03-01', score: 91 };
    const after = recordTraining(before, training);
    await replaceStaff(before, after, 'training', audit, [staffRecordPut('T-1', 'training', '2026-03-01', training)]);
    expect(await all(trainingResults, 'ofStaff', { staffId: 'T-1' })).toEqual([expect.objectContaining(training)]);
    expect((await getStaffById('T-1'))?.training.basicPassed).toBe(true);
    expect((await listAuditTrail('staff', 'T-1')).map((a) => a.action)).toEqual(['create', 'training']);
  });

  it('writes nothing at all when the record changed underneath: no training result, no audit', async () => {
    const before = make('T-2', ['sales_manager']);
    await insertStaff(before, audit);
    await replaceStaff(before, patchStaff(before, { grade: 'P7' }), 'update', audit);
    const training = { kind: 'rotation' as const, passed: true, completedOn: '2026-03-01' };
    await expect(
      replaceStaff(before, recordTraining(before, training), 'training', audit, [staffRecordPut('T-2', 'training', '2026-03-01', training)]),
    ).rejects.toBeInstanceOf(PreconditionFailed);
    expect(await all(trainingResults, 'ofStaff', { staffId: 'T-2' })).toEqual([]);
    expect((await listAuditTrail('staff', 'T-2')).map((a) => a.action)).toEqual(['create', 'update']);
  });
});
