import type { AccountRole } from '#shared/domain/assignments.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { type FieldError, Forbidden, RuleViolation } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { Account, CreateAccountInput, PatchAccountInput } from '#shared/schemas/accounts.ts';
import type { Staff } from '#shared/schemas/staff.ts';

export const newAccount = (id: string, input: CreateAccountInput, createdBy: string, createdAt: string): Account => ({
  id,
  name: input.name,
  industry: input.industry,
  creditCode: input.creditCode ?? null,
  tier: 'normal',
  contactLeaderId: null,
  salesManagerId: null,
  keySince: null,
  needsReassignment: [],
  createdBy,
  createdAt,
  version: 1,
});

export const patchAccount = (account: Account, patch: PatchAccountInput): Account => ({
  ...account,
  ...patch,
  version: account.version + 1,
});

const coordinationGroup: readonly Role[] = ['coordinator', 'leadership'];
const salesRoles: readonly Role[] = ['sales_manager', 'contact_leader'];

export const holdsAccount = (caller: Caller, account: Account): boolean =>
  caller.id === account.contactLeaderId || caller.id === account.salesManagerId;

/**
 * Exclusive ownership (domain.md §2): on a key account only its contact leader, its sales
 * manager, the coordination group and leadership may act. A normal account is open to
 * the sales roles. Opportunities, visits and plans use this same rule.
 */
export const mayActOnAccount = (caller: Caller, account: Account): boolean =>
  hasAnyRole(caller, coordinationGroup) ||
  (account.tier === 'key' ? holdsAccount(caller, account) : hasAnyRole(caller, salesRoles));

/** Finance reads every account (receivables, pay); everyone else reads what they may act on. */
export const mayReadAccount = (caller: Caller, account: Account): boolean =>
  mayActOnAccount(caller, account) || hasAnyRole(caller, ['finance']);

const owned = (account: Account) =>
  new Forbidden(
    `Account ${account.id} is a key account: only its contact leader, its sales manager and the coordination group may act on it. Take any dispute over it to the coordination group.`,
    'account-owned',
    'This key account is owned by its assigned team',
  );

export const assertMayActOnAccount = (caller: Caller, account: Account): void => {
  if (mayActOnAccount(caller, account)) return;
  throw account.tier === 'key' ? owned(account) : new Forbidden('Only the sales roles and the coordination group act on accounts', 'role-not-allowed');
};

export const assertMayReadAccount = (caller: Caller, account: Account): void => {
  if (!mayReadAccount(caller, account)) assertMayActOnAccount(caller, account);
};

/** Sees every account list; others see the accounts they hold, and the open pool of normal accounts. */
export const seesAllAccounts = (caller: Caller): boolean => hasAnyRole(caller, [...coordinationGroup, 'finance']);

const roleField = { contact_leader: 'contactLeaderId', sales_manager: 'salesManagerId' } as const;

/**
 * Why `person` may not take `role` on a key account (api.md, designation): the role, an
 * active record and, for a sales manager, both basic and rotation training (domain.md §5).
 */
export const assignmentProblems = (role: AccountRole, person: Staff | undefined, path: string): { rule: string; error: FieldError }[] => {
  const problem = (rule: string, message: string) => ({ rule, error: { path, message } });
  if (person === undefined) return [problem('person-lacks-role', 'no such staff member')];
  const problems = [];
  if (person.status === 'departed') problems.push(problem('person-departed', `left on ${person.leftOn}`));
  if (!person.roles.includes(role)) problems.push(problem('person-lacks-role', `does not have the role ${role}`));
  if (role === 'sales_manager' && !(person.training.basicPassed && person.training.rotationPassed)) {
    const missing = [person.training.basicPassed ? [] : 'basic', person.training.rotationPassed ? [] : 'rotation'].flat().join(' and ');
    problems.push(problem('sales-manager-untrained', `has not passed ${missing} training`));
  }
  return problems;
};

export const assertAssignable = (checks: { rule: string; error: FieldError }[]): void => {
  const first = checks[0];
  if (first === undefined) return;
  throw new RuleViolation(first.rule, checks.map((c) => `${c.error.path}: ${c.error.message}`).join('; '), checks.map((c) => c.error));
};

export const designate = (account: Account, contactLeaderId: string, salesManagerId: string, effectiveOn: string): Account => ({
  ...account,
  tier: 'key',
  contactLeaderId,
  salesManagerId,
  keySince: effectiveOn,
  needsReassignment: [],
  version: account.version + 1,
});

export const assignHolder = (account: Account, role: AccountRole, staffId: string): Account => ({
  ...account,
  [roleField[role]]: staffId,
  needsReassignment: account.needsReassignment.filter((r) => r !== role),
  version: account.version + 1,
});

export const assertKey = (account: Account): void => {
  if (account.tier !== 'key') {
    throw new RuleViolation('account-not-key', `Account ${account.id} is not a key account; designate it first`);
  }
};
