import { describe, expect, it } from 'vitest';
import { newAccount, designate } from '#shared/domain/accounts.ts';
import { accountDisputeScope, decide, isPartyTo, mayReadDispute, newDispute, seesAllDisputes } from '#shared/domain/disputes.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { Conflict, RuleViolation } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';

const filer: Caller = { id: 'FILER', roles: ['department_staff'], department: '电力设计院' };
const person = (id: string, roles: Role[], department: string): Caller => ({ id, roles, department });
const account = designate(newAccount('A1', { name: '国家电网', industry: '能源' }, 'C1', '2026-01-01T00:00:00.000Z'), 'LEADER', 'MANAGER', '2026-01-01');
const dispute = newDispute('D1', { accountId: 'A1', againstDepartment: '信息工程院', subject: '项目归属', description: '两部门同时跟进' }, filer, '2026-03-01T02:00:00.000Z');

describe('filing a dispute', () => {
  it('opens it at version 1 for the filer’s department, with no decision and absent optionals as null', () => {
    // Prepare
    const input = { accountId: 'A1', subject: '商机归属', description: '说明' };
    // Act
    const filed = newDispute('D2', input, filer, '2026-03-02T00:00:00.000Z');
    // Assess
    expect(filed).toEqual({
      id: 'D2', accountId: 'A1', opportunityId: null, filedBy: 'FILER', filedByDepartment: '电力设计院', againstDepartment: null,
      subject: '商机归属', description: '说明', status: 'open', filedAt: '2026-03-02T00:00:00.000Z', decision: null, version: 1,
    });
  });

  it('keeps a named opportunity as given', () => {
    expect(newDispute('D3', { accountId: 'A1', opportunityId: 'OPP-9', subject: 's', description: 'd' }, filer, 'now').opportunityId).toBe('OPP-9');
  });

  it('refuses a dispute against the filer’s own department, naming the field', () => {
    // Prepare
    const input = { accountId: 'A1', againstDepartment: '电力设计院', subject: 's', description: 'd' };
    // Act
    const attempt = () => newDispute('D4', input, filer, 'now');
    // Assess
    expect(attempt).toThrow(RuleViolation);
    expect(attempt).toThrow(
      expect.objectContaining({
        slug: 'dispute-against-own-department',
        errors: [{ path: 'body.againstDepartment', message: 'must be another department than your own' }],
      }),
    );
  });
});

describe('who sees a dispute (both sides)', () => {
  const cases: [string, boolean, Caller][] = [
    ['the filer', true, filer],
    ['a colleague in the filing department, whatever their role', true, person('P1', ['sales_manager'], '电力设计院')],
    ['staff of the department it is against', true, person('P2', ['department_staff'], '信息工程院')],
    ['the account’s contact leader', true, person('LEADER', ['contact_leader'], '政企部')],
    ['the account’s sales manager', true, person('MANAGER', ['sales_manager'], '市场部')],
    ['a coordinator', true, person('P3', ['coordinator'], '协同小组')],
    ['leadership', true, person('P4', ['leadership'], '公司领导')],
    ['staff of an uninvolved department', false, person('P5', ['department_staff'], '水利院')],
    ['another sales manager', false, person('P6', ['sales_manager'], '市场部')],
    ['finance', false, person('P7', ['finance'], '财务部')],
  ];
  it.each(cases)('%s → %s', (_who, expected, caller) => {
    expect(mayReadDispute(caller, dispute, account)).toBe(expected);
  });

  it('stops showing it to a sales manager once they no longer hold the account', () => {
    // Prepare
    const reassigned = { ...account, salesManagerId: 'NEW-MANAGER' };
    const former = person('MANAGER', ['sales_manager'], '市场部');
    // Act / Assess
    expect(mayReadDispute(former, dispute, reassigned)).toBe(false);
    expect(mayReadDispute(person('NEW-MANAGER', ['sales_manager'], '市场部'), dispute, reassigned)).toBe(true);
  });

  it('matches no one by department when no department is named against', () => {
    const unnamed = { ...dispute, againstDepartment: null };
    expect(isPartyTo(person('P8', ['department_staff'], '信息工程院'), unnamed)).toBe(false);
    expect(isPartyTo(filer, unnamed)).toBe(true);
  });

  it('still shows it to the parties when the account cannot be read', () => {
    expect(mayReadDispute(filer, dispute, undefined)).toBe(true);
    expect(mayReadDispute(person('MANAGER', ['sales_manager'], '市场部'), dispute, undefined)).toBe(false);
  });
});

describe('listing an account’s disputes', () => {
  it('gives the overview to coordinators and leadership only', () => {
    expect(seesAllDisputes(person('X', ['coordinator'], 'x'))).toBe(true);
    expect(seesAllDisputes(person('X', ['leadership'], 'x'))).toBe(true);
    expect(seesAllDisputes(person('X', ['contact_leader', 'sales_manager', 'department_staff', 'finance'], 'x'))).toBe(false);
  });

  it('shows the account’s holders all its disputes and everyone else only those they are a party to', () => {
    expect(accountDisputeScope(person('LEADER', ['contact_leader'], 'x'), account)).toBe('all');
    expect(accountDisputeScope(person('MANAGER', ['sales_manager'], 'x'), account)).toBe('all');
    expect(accountDisputeScope(person('C', ['coordinator'], 'x'), account)).toBe('all');
    expect(accountDisputeScope(filer, account)).toBe('party');
    expect(accountDisputeScope(person('P6', ['sales_manager'], '市场部'), account)).toBe('party');
  });
});

describe('deciding a dispute', () => {
  it('records the decision with who and the day in Shanghai, closes the dispute and bumps the version', () => {
    // Prepare
    const at = '2026-03-31T17:30:00.000Z';
    // Act
    const decided = decide(dispute, { decision: '归电力设计院', inFavourOf: 'filer' }, 'COORD', at);
    // Assess
    expect(decided).toEqual({
      ...dispute,
      status: 'decided',
      decision: { text: '归电力设计院', inFavourOf: 'filer', decidedBy: 'COORD', decidedOn: '2026-04-01' },
      version: 2,
    });
  });

  it('refuses to decide a decided dispute again (409)', () => {
    // Prepare
    const decided = decide(dispute, { decision: '驳回', inFavourOf: 'neither' }, 'COORD', '2026-04-01T00:00:00.000Z');
    // Act
    const again = () => decide(decided, { decision: '改判', inFavourOf: 'other_side' }, 'COORD', '2026-04-02T00:00:00.000Z');
    // Assess
    expect(again).toThrow(Conflict);
    expect(again).toThrow(expect.objectContaining({ slug: 'dispute-already-decided' }));
  });
});
