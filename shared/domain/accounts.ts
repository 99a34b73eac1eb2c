import type { AccountRole } from '#shared/domain/assignments.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { type FieldError, fieldError, Forbidden, NotFound, RuleViolation } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { Account, CreateAccountInput, PatchAccountInput } from '#shared/schemas/accounts.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { type Message, msg, type ProblemSlug } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

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

const salesRoles: readonly Role[] = ['sales_manager', 'contact_leader'];

export const holdsAccount = (caller: Caller, account: Account): boolean =>
  caller.id === account.contactLeaderId || caller.id === account.salesManagerId;

/**
 * What a caller wants to do with an account or its objects. The one account guard
 * (domain.md §1, §2; README "Access rules") decides each from roles and holders:
 *
 * | purpose | objects | allowed |
 * | --- | --- | --- |
 * | act | account changes, opportunities and their updates, win/lose, visits, reports | coordinators; the holders; on a normal account also the sales roles and leadership |
 * | money | invoices issued, payments recorded | act, and finance |
 * | read | opportunities, updates, visits, reports, pipeline, handovers | act, and leadership |
 * | records | the account, its assignments and targets, projects, invoices, payments | read, and finance |
 * | held | disputes, spot checks, major matters of the account (all of them) | coordinators, leadership, the holders |
 * | oversee | targets, spot checks, dossier grants and log | coordinators, leadership |
 *
 * Refused: 403 to whoever knows the account exists — the coordination group, leadership,
 * finance, the sales roles (a credit code's 409 names any account to them anyway), and
 * anyone tied to it (a department delivering one of its projects, a grant, a party to
 * one of its objects) — with `account-owned` on a key account the caller would act on
 * were it theirs, `role-not-allowed` otherwise; 404 `No account <id>` to everyone else.
 */
export type AccountPurpose = 'act' | 'money' | 'read' | 'records' | 'held' | 'oversee';

const mayAct = (caller: Caller, account: Account): boolean =>
  hasAnyRole(caller, ['coordinator']) ||
  holdsAccount(caller, account) ||
  (account.tier === 'normal' && hasAnyRole(caller, [...salesRoles, 'leadership']));

export const mayUseAccount = (caller: Caller, account: Account, purpose: AccountPurpose): boolean => {
  switch (purpose) {
    case 'act':
      return mayAct(caller, account);
    case 'money':
      return mayAct(caller, account) || hasAnyRole(caller, ['finance']);
    case 'read':
      return mayAct(caller, account) || hasAnyRole(caller, ['leadership']);
    case 'records':
      return mayAct(caller, account) || hasAnyRole(caller, ['leadership', 'finance']);
    case 'held':
      return hasAnyRole(caller, ['coordinator', 'leadership']) || holdsAccount(caller, account);
    case 'oversee':
      return hasAnyRole(caller, ['coordinator', 'leadership']);
  }
};

/** Whose roles alone tell them an account exists; `tied` adds a relation the use case found. */
export const knowsAccount = (caller: Caller, account: Account, tied = false): boolean =>
  tied || holdsAccount(caller, account) || hasAnyRole(caller, ['coordinator', 'leadership', 'finance', ...salesRoles]);

export type AccountDecision = { kind: 'allowed' } | { kind: 'refused'; error: Forbidden } | { kind: 'hidden' };

const owned = (account: Account) =>
  new Forbidden(msg(M.account_owned, { id: account.id }), 'account-owned');

const purposeText: Record<AccountPurpose, Message> = {
  act: msg(M.account_purpose_act),
  money: msg(M.account_purpose_money),
  read: msg(M.account_purpose_read),
  records: msg(M.account_purpose_records),
  held: msg(M.account_purpose_held),
  oversee: msg(M.account_purpose_oversee),
};

/** The one decision: allowed, refused (403) or hidden (404). */
export const decideAccount = (caller: Caller, account: Account, purpose: AccountPurpose, tied = false): AccountDecision => {
  if (mayUseAccount(caller, account, purpose)) return { kind: 'allowed' };
  if (!knowsAccount(caller, account, tied)) return { kind: 'hidden' };
  const wouldHold = account.tier === 'key' && purpose !== 'oversee' && hasAnyRole(caller, [...salesRoles, 'leadership']);
  return { kind: 'refused', error: wouldHold ? owned(account) : new Forbidden(purposeText[purpose], 'role-not-allowed') };
};

/** Throws the decision's error: the 403, or `hidden()` (404 `No account <id>` unless the object's own). */
export const assertAccount = (
  caller: Caller,
  account: Account,
  purpose: AccountPurpose,
  tied = false,
  hidden: () => Error = () => new NotFound(msg(M.account_notFound, { id: account.id })),
): void => {
  const decision = decideAccount(caller, account, purpose, tied);
  if (decision.kind === 'refused') throw decision.error;
  if (decision.kind === 'hidden') throw hidden();
};

/** Sees every account list; others see the accounts they hold, and the open pool of normal accounts. */
export const seesAllAccounts = (caller: Caller): boolean => hasAnyRole(caller, ['coordinator', 'leadership', 'finance']);

const roleField = { contact_leader: 'contactLeaderId', sales_manager: 'salesManagerId' } as const;

/**
 * Why `person` may not take `role` on a key account (api.md, designation): the role, an
 * active record and, for a sales manager, both basic and rotation training (domain.md §5).
 */
export const assignmentProblems = (role: AccountRole, person: Staff | undefined, path: string): { rule: ProblemSlug; error: FieldError }[] => {
  const problem = (rule: ProblemSlug, message: Message) => ({ rule, error: fieldError(path, message) });
  if (person === undefined) return [problem('person-lacks-role', msg(M.field_noSuchStaff))];
  const problems = [];
  if (person.status === 'departed') problems.push(problem('person-departed', msg(M.field_leftOn, { leftOn: person.leftOn })));
  if (!person.roles.includes(role)) problems.push(problem('person-lacks-role', msg(M.field_lacksRole, { role })));
  if (role === 'sales_manager' && !(person.training.basicPassed && person.training.rotationPassed)) {
    const missing = [person.training.basicPassed ? [] : 'basic' as const, person.training.rotationPassed ? [] : 'rotation' as const].flat();
    problems.push(problem('sales-manager-untrained', msg(M.field_untrained, { missing })));
  }
  return problems;
};

export const assertAssignable = (checks: { rule: ProblemSlug; error: FieldError }[]): void => {
  const first = checks[0];
  if (first === undefined) return;
  throw new RuleViolation(first.rule, msg(M.rule_fields, { errors: checks.map((c) => c.error) }), checks.map((c) => c.error));
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
    throw new RuleViolation('account-not-key', msg(M.account_notKey, { id: account.id }));
  }
};
