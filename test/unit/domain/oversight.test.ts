import { describe, expect, it } from 'vitest';
import { designate, newAccount } from '#shared/domain/accounts.ts';
import {
  accountMatterScope,
  acknowledge,
  completeFollowUp,
  mayCompleteFollowUp,
  mayReadMajorMatter,
  mayReadSpotCheck,
  mayReadSpotChecksOf,
  newMajorMatter,
  newSpotCheck,
  spotCheckProblems,
} from '#shared/domain/oversight.ts';
import { type Caller, newStaff, recordDeparture } from '#shared/domain/staff.ts';
import { Conflict, NotFound, RuleViolation } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { SpotCheckInput } from '#shared/schemas/oversight.ts';
import type { Staff } from '#shared/schemas/staff.ts';

const person = (id: string, roles: Role[], department = '市场部'): Caller => ({ id, roles, department });
const normal = newAccount('A1', { name: '国家电网', industry: '能源' }, 'C1', '2026-01-01T00:00:00.000Z');
const account = designate(normal, 'LEADER', 'MANAGER', '2026-01-01');

const coordinator = person('COORD', ['coordinator'], '市场协同小组');
const leadership = person('BOSS', ['leadership'], '公司领导');
const contactLeader = person('LEADER', ['contact_leader'], '政企客户部');
const manager = person('MANAGER', ['sales_manager']);
const otherManager = person('OTHER-SM', ['sales_manager']);
const reporter = person('REPORTER', ['department_staff'], '电力设计院');
const colleague = person('COLLEAGUE', ['department_staff'], '电力设计院');
const stranger = person('STRANGER', ['department_staff'], '水利院');
const finance = person('FIN', ['finance'], '财务部');
const owner = person('OWNER', ['department_staff'], '信息工程院');

const ids = (...list: string[]) => {
  const queue = [...list];
  return () => queue.shift() ?? 'NO-MORE-IDS';
};
const checkInput: SpotCheckInput = {
  checkedOn: '2026-03-10',
  scope: ['dossier', 'visits'],
  findings: '台账缺少二月拜访记录',
  rating: 'acceptable',
  followUps: [
    { action: '补录二月拜访', ownerId: 'MANAGER', dueOn: '2026-03-20' },
    { action: '核对回款计划', ownerId: 'OWNER', dueOn: '2026-03-31' },
  ],
};
const check = newSpotCheck('SC1', 'A1', checkInput, 'COORD', ids('F1', 'F2'));
const matter = newMajorMatter(
  'M1',
  account,
  { occurredOn: '2026-03-01', category: 'quality', summary: '变电站设备质量投诉' },
  reporter,
  '2026-03-02T01:00:00.000Z',
  '2026-03-02',
);

describe('recording a spot check', () => {
  it('opens every follow-up not done, each with its own id, at version 1', () => {
    expect(check).toEqual({
      id: 'SC1', accountId: 'A1', checkedBy: 'COORD', checkedOn: '2026-03-10', scope: ['dossier', 'visits'],
      findings: '台账缺少二月拜访记录', rating: 'acceptable',
      followUps: [
        { id: 'F1', action: '补录二月拜访', ownerId: 'MANAGER', dueOn: '2026-03-20', done: false, doneOn: null },
        { id: 'F2', action: '核对回款计划', ownerId: 'OWNER', dueOn: '2026-03-31', done: false, doneOn: null },
      ],
      version: 1,
    });
  });

  it('has no follow-ups when none are given', () => {
    const { followUps: _none, ...bare } = checkInput;
    expect(newSpotCheck('SC2', 'A1', bare, 'COORD', ids()).followUps).toEqual([]);
  });

  it('finds nothing wrong with active owners, due dates on or after the check and a check day up to today', () => {
    const active = (id: string): Staff => newStaff(id, { name: id, department: '市场部', roles: ['sales_manager'], grade: 'P6' });
    const owners = new Map([['MANAGER', active('MANAGER')], ['OWNER', active('OWNER')]]);
    expect(spotCheckProblems(checkInput, '2026-03-10', owners)).toEqual([]);
  });

  it('names each follow-up whose owner is unknown or has left, each due before the check, and a check day after today', () => {
    // Prepare
    const departed = recordDeparture(newStaff('OWNER', { name: '离职', department: 'x', roles: ['department_staff'], grade: 'P5' }), '2026-02-28');
    const input: SpotCheckInput = {
      ...checkInput,
      followUps: [
        { action: 'a', ownerId: 'GHOST', dueOn: '2026-03-10' },
        { action: 'b', ownerId: 'OWNER', dueOn: '2026-03-09' },
      ],
    };
    // Act
    const problems = spotCheckProblems(input, '2026-03-09', new Map([['GHOST', undefined], ['OWNER', departed]]));
    // Assess
    expect(problems).toEqual([
      { rule: 'date-in-future', error: { path: 'body.checkedOn', message: 'must not be after today (2026-03-09)' } },
      { rule: 'follow-up-owner-not-active', error: { path: 'body.followUps.0.ownerId', message: 'no such staff member' } },
      { rule: 'follow-up-due-before-check', error: { path: 'body.followUps.1.dueOn', message: 'must be on or after checkedOn (2026-03-10)' } },
      { rule: 'follow-up-owner-not-active', error: { path: 'body.followUps.1.ownerId', message: 'left on 2026-02-28' } },
    ]);
  });
});

describe('who reads a key account’s spot checks', () => {
  const cases: [string, boolean, Caller][] = [
    ['a coordinator', true, coordinator],
    ['leadership', true, leadership],
    ['the account’s contact leader', true, contactLeader],
    ['the account’s sales manager', true, manager],
    ['another sales manager', false, otherManager],
    ['department staff', false, stranger],
    ['finance', false, finance],
  ];
  it.each(cases)('%s → %s', (_who, expected, caller) => {
    expect(mayReadSpotChecksOf(caller, account)).toBe(expected);
    expect(mayReadSpotCheck(caller, check, account)).toBe(expected);
  });

  it('also shows one spot check to the owner of any of its follow-ups, but not the account’s list', () => {
    expect(mayReadSpotCheck(owner, check, account)).toBe(true);
    expect(mayReadSpotChecksOf(owner, account)).toBe(false);
  });

  it('stops showing them to a sales manager once they no longer hold the account', () => {
    const reassigned = { ...account, salesManagerId: 'NEW-MANAGER' };
    const withoutTheirFollowUp = { ...check, followUps: [] };
    expect(mayReadSpotCheck(manager, withoutTheirFollowUp, reassigned)).toBe(false);
    expect(mayReadSpotChecksOf(person('NEW-MANAGER', ['sales_manager']), reassigned)).toBe(true);
  });

  it('shows nothing to the sales roles of a normal account, which has no holders', () => {
    expect(mayReadSpotChecksOf(manager, normal)).toBe(false);
    expect(mayReadSpotChecksOf(coordinator, normal)).toBe(true);
  });
});

describe('completing a follow-up', () => {
  it('is for the follow-up’s owner or a coordinator only', () => {
    const [first] = check.followUps;
    if (first === undefined) throw new Error('no follow-up');
    expect(mayCompleteFollowUp(manager, first)).toBe(true);
    expect(mayCompleteFollowUp(coordinator, first)).toBe(true);
    expect(mayCompleteFollowUp(leadership, first)).toBe(false);
    expect(mayCompleteFollowUp(owner, first)).toBe(false);
    expect(mayCompleteFollowUp(contactLeader, first)).toBe(false);
  });

  it('marks that follow-up done on the day given, leaves the others open and bumps the version', () => {
    // Act
    const after = completeFollowUp(check, 'F2', '2026-03-15', '2026-03-16');
    // Assess
    expect(after.version).toBe(2);
    expect(after.followUps.map((f) => [f.id, f.done, f.doneOn])).toEqual([['F1', false, null], ['F2', true, '2026-03-15']]);
  });

  it('refuses to mark it done twice (409)', () => {
    const done = completeFollowUp(check, 'F1', '2026-03-15', '2026-03-16');
    const again = () => completeFollowUp(done, 'F1', '2026-03-16', '2026-03-16');
    expect(again).toThrow(Conflict);
    expect(again).toThrow(expect.objectContaining({ slug: 'follow-up-already-done' }));
  });

  it('refuses a done day before the check or after today (422), and an unknown follow-up (404)', () => {
    expect(() => completeFollowUp(check, 'F1', '2026-03-09', '2026-03-16')).toThrow(
      expect.objectContaining({ status: 422, slug: 'done-before-check', errors: [{ path: 'body.doneOn', message: 'must be on or after the check day (2026-03-10)' }] }),
    );
    expect(() => completeFollowUp(check, 'F1', '2026-03-17', '2026-03-16')).toThrow(expect.objectContaining({ status: 422, slug: 'date-in-future' }));
    expect(() => completeFollowUp(check, 'F9', '2026-03-15', '2026-03-16')).toThrow(NotFound);
  });
});

describe('reporting a major matter', () => {
  it('files it unacknowledged for the reporter’s department, with absent details as null', () => {
    expect(matter).toEqual({
      id: 'M1', accountId: 'A1', reportedBy: 'REPORTER', reportedByDepartment: '电力设计院', reportedAt: '2026-03-02T01:00:00.000Z',
      occurredOn: '2026-03-01', category: 'quality', summary: '变电站设备质量投诉', details: null,
      status: 'unacknowledged', acknowledgedBy: null, acknowledgedAt: null, response: null, version: 1,
    });
  });

  it('refuses a report on a normal account (422 account-not-key)', () => {
    const attempt = () => newMajorMatter('M2', normal, { occurredOn: '2026-03-01', category: 'legal', summary: 's' }, reporter, 'now', '2026-03-02');
    expect(attempt).toThrow(RuleViolation);
    expect(attempt).toThrow(expect.objectContaining({ slug: 'account-not-key' }));
  });

  it('refuses a matter that has not happened yet (422 naming occurredOn)', () => {
    const attempt = () => newMajorMatter('M3', account, { occurredOn: '2026-03-03', category: 'safety', summary: 's' }, reporter, 'now', '2026-03-02');
    expect(attempt).toThrow(
      expect.objectContaining({ slug: 'date-in-future', errors: [{ path: 'body.occurredOn', message: 'must not be after today (2026-03-02)' }] }),
    );
  });
});

describe('who reads a major-matter report', () => {
  const cases: [string, boolean, Caller][] = [
    ['its reporter', true, reporter],
    ['a coordinator', true, coordinator],
    ['leadership', true, leadership],
    ['the account’s contact leader', true, contactLeader],
    ['the account’s sales manager', true, manager],
    ['a colleague of the reporter’s department', false, colleague],
    ['another department’s staff', false, stranger],
    ['another sales manager', false, otherManager],
    ['finance', false, finance],
  ];
  it.each(cases)('%s → %s', (_who, expected, caller) => {
    expect(mayReadMajorMatter(caller, matter, account)).toBe(expected);
  });

  it('lists all of an account’s reports to the overseers and holders, and only their own to anyone else', () => {
    for (const caller of [coordinator, leadership, contactLeader, manager]) expect(accountMatterScope(caller, account)).toBe('all');
    for (const caller of [reporter, colleague, stranger, otherManager]) expect(accountMatterScope(caller, account)).toBe('own');
  });

  it('still shows the reporter their report when the account cannot be read', () => {
    expect(mayReadMajorMatter(reporter, matter, undefined)).toBe(true);
    expect(mayReadMajorMatter(manager, matter, undefined)).toBe(false);
  });
});

describe('acknowledging a major matter', () => {
  it('records who, when and the response, and bumps the version', () => {
    expect(acknowledge(matter, '已转质量部处理', 'COORD', '2026-03-03T02:00:00.000Z')).toEqual({
      ...matter, status: 'acknowledged', acknowledgedBy: 'COORD', acknowledgedAt: '2026-03-03T02:00:00.000Z', response: '已转质量部处理', version: 2,
    });
  });

  it('refuses a second acknowledgement (409)', () => {
    const done = acknowledge(matter, '收到', 'COORD', '2026-03-03T02:00:00.000Z');
    const again = () => acknowledge(done, '再次', 'COORD-2', '2026-03-04T02:00:00.000Z');
    expect(again).toThrow(Conflict);
    expect(again).toThrow(expect.objectContaining({ slug: 'matter-already-acknowledged' }));
  });
});
