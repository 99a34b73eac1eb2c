import { ulid } from 'ulid';
import { insertStaff, replaceStaff } from '#shared/db/staff.ts';
import { newStaff, recordDeparture } from '#shared/domain/staff.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { Staff } from '#shared/schemas/staff.ts';

const seedAudit = () => ({ actorId: 'test-seed', requestId: 'seed', at: new Date().toISOString() });

/** A staff member written straight to the table, for tests that need callers in place. */
export const seedStaff = async (
  roles: Role[],
  overrides: Partial<Pick<Staff, 'id' | 'name' | 'department' | 'grade'>> = {},
): Promise<Staff> => {
  const staff = newStaff(overrides.id ?? ulid(), {
    name: overrides.name ?? `Test ${roles.join('+')}`,
    department: overrides.department ?? 'Market',
    roles,
    grade: overrides.grade ?? 'P6',
  });
  if (!(await insertStaff(staff, seedAudit()))) throw new Error(`seed id ${staff.id} taken`);
  return staff;
};

export const seedDeparted = async (roles: Role[]): Promise<Staff> => {
  const staff = await seedStaff(roles);
  const departed = recordDeparture(staff, '2026-01-31');
  await replaceStaff(staff, departed, 'departure', seedAudit());
  return departed;
};
