import { getStaffById, insertStaff } from '#shared/db/staff.ts';
import { newStaff } from '#shared/domain/staff.ts';

/** The first coordinator, so that someone can create everyone else (api.md, local mode); in AWS with the e-mail their invitation goes to. */
export const ensureAdmin = async (email?: string): Promise<void> => {
  if ((await getStaffById('admin')) !== undefined) return;
  const admin = newStaff('admin', {
    name: 'Administrator',
    department: 'Market coordination group',
    roles: ['coordinator', 'leadership'],
    grade: 'P8',
    ...(email === undefined ? {} : { email }),
  });
  await insertStaff(admin, { actorId: 'system', requestId: 'bootstrap', at: new Date().toISOString() });
};
