import { describe, expect, it } from 'vitest';
import { Conflict, RuleViolation } from '#shared/errors.ts';
import { awardCertification, canReadStaff, newStaff, patchStaff, recordDeparture, recordTraining } from '#shared/domain/staff.ts';

const base = () => newStaff('S1', { name: '韩梅梅', department: '市场部', roles: ['sales_manager'], grade: 'P6' });
const scores = { performance: 90, satisfaction: 85, professionalism: 88 };

describe('staff rules', () => {
  it('creates an active member at version 1 with no training and no certification', () => {
    expect(base()).toEqual({
      id: 'S1', name: '韩梅梅', department: '市场部', roles: ['sales_manager'], grade: 'P6',
      status: 'active', leftOn: null, training: { basicPassed: false, rotationPassed: false }, certification: null, version: 1,
    });
  });

  it('bumps the version on every change', () => {
    expect(patchStaff(base(), { grade: 'P7' })).toMatchObject({ grade: 'P7', version: 2 });
  });

  it('keeps a pass when a later retake fails, and records each kind separately', () => {
    const passed = recordTraining(base(), { kind: 'basic', passed: true, completedOn: '2026-01-10' });
    const failedRetake = recordTraining(passed, { kind: 'basic', passed: false, completedOn: '2026-02-10' });
    expect(failedRetake.training).toEqual({ basicPassed: true, rotationPassed: false });
    const rotation = recordTraining(failedRetake, { kind: 'rotation', passed: true, completedOn: '2026-07-10' });
    expect(rotation.training).toEqual({ basicPassed: true, rotationPassed: true });
  });

  it('awards certification one level at a time and refuses skipping or going back', () => {
    const junior = awardCertification(base(), { level: 'junior', awardedOn: '2026-03-01', scores });
    expect(junior.certification).toEqual({ level: 'junior', awardedOn: '2026-03-01' });
    expect(() => awardCertification(base(), { level: 'senior', awardedOn: '2026-03-01', scores })).toThrow(RuleViolation);
    expect(() => awardCertification(junior, { level: 'junior', awardedOn: '2026-04-01', scores })).toThrow(RuleViolation);
    expect(() => awardCertification(junior, { level: 'intermediate', awardedOn: '2026-02-01', scores })).toThrow(RuleViolation);
    expect(awardCertification(junior, { level: 'intermediate', awardedOn: '2026-09-01', scores }).certification?.level).toBe('intermediate');
  });

  it('freezes a departed member: no further change, a second departure is a conflict', () => {
    const departed = recordDeparture(base(), '2026-05-31');
    expect(departed).toMatchObject({ status: 'departed', leftOn: '2026-05-31', version: 2 });
    expect(() => recordDeparture(departed, '2026-06-01')).toThrow(Conflict);
    expect(() => patchStaff(departed, { name: 'x' })).toThrow(Conflict);
  });

  it('lets people read their own record, and leadership, coordinators and finance read anyone’s', () => {
    const self = { id: 'S1', roles: ['sales_manager'] as const, department: 'Market' };
    expect(canReadStaff(self, 'S1')).toBe(true);
    expect(canReadStaff(self, 'S2')).toBe(false);
    for (const role of ['leadership', 'coordinator', 'finance'] as const) {
      expect(canReadStaff({ id: 'X', roles: [role], department: 'HQ' }, 'S2')).toBe(true);
    }
    expect(canReadStaff({ id: 'X', roles: ['contact_leader', 'department_staff'], department: 'HQ' }, 'S2')).toBe(false);
  });
});
