import { ulid } from 'ulid';
import * as z from 'zod/mini';
import type { AuditContext } from '#shared/db/audit.ts';
import { insertAudited, replaceAudited } from '#shared/db/audited.ts';
import { defineEntity, get, overwrite, page, remove } from '#shared/db/entity.ts';
import { equals } from '#shared/db/query.ts';
import type { Page } from '#shared/db/pagination.ts';
import type { TransactItem } from '#shared/db/transact.ts';
import { NotFound } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';
import { Staff } from '#shared/schemas/staff.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const staffMembers = /* @__PURE__ */ defineEntity({
  kind: 'staff', label: 'staff member', schema: Staff, versioned: true,
  keys: {
    pk: 'STAFF#<id>', sk: 'PROFILE',
    gsi1: { pk: 'DEPT#<department>', sk: 'STAFF#<id>' },
    gsi2: { pk: 'STAFF', sk: 'STAFF#<id>' },
    gsi3: { pk: 'SIGNIN#PENDING', sk: 'STAFF#<id>', when: (r) => r.signInPending !== undefined && r.signInPending !== null, note: 'only while a sign-in change is pending' },
  },
  patterns: {
    byDepartment: { doc: 'staff of a department', index: 'gsi1' },
    all: { doc: 'all staff', index: 'gsi2' },
    signInPending: { doc: 'staff whose sign-in change is pending (the retry job)', index: 'gsi3' },
  },
});

/** A copy of the record per role it holds, so a role lists its people with one Query. */
export const staffRoles = /* @__PURE__ */ defineEntity({
  kind: 'staff-role', label: 'role membership (copy of the record per role)', schema: Staff,
  keys: { pk: 'ROLE#<role>', sk: 'STAFF#<id>' },
  patterns: { byRole: { doc: 'staff with a role (optionally in a department)' } },
});

// Results are kept as sent (with who recorded them); the record itself carries the summary.
const StaffResult = /* @__PURE__ */ z.looseObject({});
export const trainingResults = /* @__PURE__ */ defineEntity({
  kind: 'training', label: 'training result', schema: StaffResult,
  keys: { pk: 'STAFF#<staffId>', sk: 'TRAINING#<on>#<ulid>' },
  patterns: { ofStaff: { doc: "a person's training results", sk: 'TRAINING#' } },
});
export const certifications = /* @__PURE__ */ defineEntity({ kind: 'certification', label: 'certification', schema: StaffResult, keys: { pk: 'STAFF#<staffId>', sk: 'CERT#<on>#<ulid>' } });

/** Role copies follow the record: put one per current role, delete those for roles given up. */
const roleWrites = (after: Staff, before?: Staff): TransactItem[] => [
  ...after.roles.map((role) => overwrite(staffRoles, after, { role })),
  ...(before?.roles ?? [])
    .filter((role) => !after.roles.includes(role))
    .map((role) => remove(staffRoles, { role, id: after.id })),
];

/** Access pattern: a staff member by id. */
export const getStaffById = (id: string) => get(staffMembers, { id });

/** Writes a new staff member; false when the id is taken. */
export const insertStaff = async (staff: Staff, ctx: AuditContext): Promise<boolean> => {
  const taken = new Error('taken');
  try {
    await insertAudited(staffMembers, staff, { ctx, action: 'create', also: roleWrites(staff) }, () => taken);
    return true;
  } catch (error) {
    if (error === taken) return false;
    throw error;
  }
};

/** A training or certification result, kept beside the record in the same transaction. */
export const staffRecordPut = (staffId: string, kind: 'training' | 'certification', on: string, data: Record<string, unknown>): TransactItem =>
  overwrite(kind === 'training' ? trainingResults : certifications, data, { staffId, on, ulid: ulid() });

/**
 * Replaces a staff record if it is still at `before.version` (optimistic concurrency):
 * 412 when someone changed it first, 404 when it is gone. `extra` items commit with it.
 */
export const replaceStaff = (before: Staff, after: Staff, action: string, ctx: AuditContext, extra: TransactItem[] = []) =>
  replaceAudited(staffMembers, before, after, {
    ctx,
    action,
    also: [...roleWrites(after, before), ...extra],
    gone: () => new NotFound(msg(M.staff_notFound, { id: before.id })),
  });

export interface StaffFilter {
  role?: Role;
  department?: string;
  limit: number;
  cursor?: string;
}

/**
 * Access patterns: staff by role (role copies, department as a filter), staff by
 * department (gsi1), all staff (gsi2). Every one a keyed Query.
 */
export const listStaff = (filter: StaffFilter): Promise<Page<Staff>> => {
  if (filter.role !== undefined) {
    return page(staffRoles, 'byRole', { role: filter.role }, filter.limit, filter.cursor, { filter: equals('department', filter.department) });
  }
  if (filter.department !== undefined) return page(staffMembers, 'byDepartment', { department: filter.department }, filter.limit, filter.cursor);
  return page(staffMembers, 'all', {}, filter.limit, filter.cursor);
};
