import { Conflict, fieldError, RuleViolation } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';
import type {
  CertificationInput,
  CreateStaffInput,
  PatchStaffInput,
  Staff,
  TrainingInput,
} from '#shared/schemas/staff.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/** The person making a request, as read from their staff record. */
export interface Caller {
  id: string;
  roles: readonly Role[];
  department: string;
}

/** Whether two readings of a caller decide alike: every rule decides by these fields only. */
export const sameCaller = (a: Caller, b: Caller): boolean =>
  a.id === b.id && a.department === b.department && a.roles.length === b.roles.length && a.roles.every((role, i) => b.roles[i] === role);

export const hasAnyRole = (caller: Caller, roles: readonly Role[]): boolean =>
  roles.some((role) => caller.roles.includes(role));

/** Roles that may read any staff record; everyone may read their own. */
const staffReaders: readonly Role[] = ['leadership', 'coordinator', 'finance'];
export const canReadStaff = (caller: Caller, staffId: string): boolean =>
  caller.id === staffId || hasAnyRole(caller, staffReaders);

export const newStaff = (id: string, input: CreateStaffInput): Staff => ({
  id,
  ...input,
  status: 'active',
  leftOn: null,
  training: { basicPassed: false, rotationPassed: false },
  certification: null,
  version: 1,
});

const assertActive = (staff: Staff): void => {
  if (staff.status === 'departed') {
    throw new Conflict(msg(M.staff_departed, { id: staff.id, leftOn: staff.leftOn }), 'staff-departed');
  }
};

export const patchStaff = (staff: Staff, patch: PatchStaffInput): Staff => {
  assertActive(staff);
  return { ...staff, ...patch, version: staff.version + 1 };
};

/** A pass sets the flag for good; a failed retake after a pass does not undo it. */
export const recordTraining = (staff: Staff, training: TrainingInput): Staff => {
  assertActive(staff);
  const flag = training.kind === 'basic' ? 'basicPassed' : 'rotationPassed';
  return {
    ...staff,
    training: { ...staff.training, [flag]: staff.training[flag] || training.passed },
    version: staff.version + 1,
  };
};

const levelRank = { junior: 1, intermediate: 2, senior: 3 } as const;

/** Certification climbs junior → intermediate → senior, one step at a time (paper §5). */
export const awardCertification = (staff: Staff, award: CertificationInput): Staff => {
  assertActive(staff);
  const current = staff.certification === null ? 0 : levelRank[staff.certification.level];
  const next = levelRank[award.level];
  if (next !== current + 1) {
    throw new RuleViolation(
      'certification-out-of-order',
      msg(M.staff_certificationOrder, {
        id: staff.id,
        holds: staff.certification?.level ?? 'none',
        next: Object.entries(levelRank).find(([, rank]) => rank === current + 1)?.[0] ?? 'none (already senior)',
      }),
      [fieldError('body.level', msg(M.field_notNextLevel))],
    );
  }
  if (staff.certification !== null && award.awardedOn < staff.certification.awardedOn) {
    throw new RuleViolation('certification-out-of-order', msg(M.staff_certificationPredates), [
      fieldError('body.awardedOn', msg(M.field_onOrAfter, { day: staff.certification.awardedOn })),
    ]);
  }
  return {
    ...staff,
    certification: { level: award.level, awardedOn: award.awardedOn },
    version: staff.version + 1,
  };
};

export const recordDeparture = (staff: Staff, leftOn: string): Staff => {
  assertActive(staff);
  return { ...staff, status: 'departed', leftOn, version: staff.version + 1 };
};
