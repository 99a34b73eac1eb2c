import { describe, expect, it } from 'vitest';
import { type AccountPurpose, decideAccount, designate, newAccount } from '#shared/domain/accounts.ts';
import type { Caller } from '#shared/domain/staff.ts';
import type { Role } from '#shared/schemas/common.ts';

const person = (id: string, roles: Role[]): Caller => ({ id, roles, department: '市场部' });
const normal = newAccount('A1', { name: '国家电网', industry: '能源' }, 'C1', '2026-01-01T00:00:00.000Z');
const key = designate(normal, 'CL1', 'SM1', '2026-01-01');

const outcome = (caller: Caller, account: typeof key, purpose: AccountPurpose, tied = false) => {
  const d = decideAccount(caller, account, purpose, tied);
  return d.kind === 'refused' ? d.error.slug : d.kind;
};

describe('the one account rule (domain.md §1, §2)', () => {
  it('lets only the holders and the coordinators act on a key account: leadership is told it is owned', () => {
    expect(outcome(person('SM1', ['sales_manager']), key, 'act')).toBe('allowed');
    expect(outcome(person('CL1', ['contact_leader']), key, 'act')).toBe('allowed');
    expect(outcome(person('C', ['coordinator']), key, 'act')).toBe('allowed');
    expect(outcome(person('BOSS', ['leadership']), key, 'act')).toBe('account-owned');
    expect(outcome(person('BOSS', ['leadership']), key, 'money')).toBe('account-owned');
    expect(outcome(person('SM2', ['sales_manager']), key, 'act')).toBe('account-owned');
    expect(outcome(person('FIN', ['finance']), key, 'act')).toBe('role-not-allowed');
  });

  it('lets leadership read everything and finance only the records', () => {
    expect(outcome(person('BOSS', ['leadership']), key, 'read')).toBe('allowed');
    expect(outcome(person('BOSS', ['leadership']), key, 'held')).toBe('allowed');
    expect(outcome(person('FIN', ['finance']), key, 'records')).toBe('allowed');
    expect(outcome(person('FIN', ['finance']), key, 'money')).toBe('allowed');
    expect(outcome(person('FIN', ['finance']), key, 'read')).toBe('role-not-allowed');
    expect(outcome(person('FIN', ['finance']), key, 'held')).toBe('role-not-allowed');
  });

  it('opens a normal account to the sales roles and leadership, and hides any account from department staff without a tie', () => {
    expect(outcome(person('SM2', ['sales_manager']), normal, 'act')).toBe('allowed');
    expect(outcome(person('BOSS', ['leadership']), normal, 'act')).toBe('allowed');
    expect(outcome(person('D', ['department_staff']), normal, 'read')).toBe('hidden');
    expect(outcome(person('D', ['department_staff']), key, 'records')).toBe('hidden');
    expect(outcome(person('D', ['department_staff']), key, 'records', true)).toBe('role-not-allowed');
  });
});
