import { knowsAccount } from '#shared/domain/accounts.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { type FieldError, fieldError, Forbidden, RuleViolation } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type {
  CreateDossierEntryInput,
  DossierEntry,
  DossierGrant,
  DossierReadBasis,
  GrantInput,
  PatchDossierEntryInput,
} from '#shared/schemas/dossier.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { msg, type ProblemSlug } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * The dossier (档案, domain.md §3.2): the sales manager keeps it, the coordination group
 * sets who may read it, nobody reads it without a grant, and every read is logged.
 */

/** A grant is valid through its `expiresOn` day inclusive (both days in Asia/Shanghai). */
export const grantValidOn = (grant: Pick<DossierGrant, 'expiresOn'>, today: string): boolean => today <= grant.expiresOn;

export type DossierReadAccess =
  | { kind: 'read'; basis: DossierReadBasis; grantId: string | null }
  /** Knows of the account, but holds no grant valid today: 403. */
  | { kind: 'grant-required' }
  /** No relation to the account: told it does not exist (404). */
  | { kind: 'hidden' };

/**
 * Whether the caller may know the dossier exists: those who know the account (the one
 * account rule, shared/domain/accounts.ts; `tied` is a tie the use case found, such as a
 * project the caller's department delivers) and anyone ever granted access to it, expired or not.
 */
export const knowsOfDossier = (caller: Caller, account: Account, callerGrants: readonly Pick<DossierGrant, 'staffId'>[], tied = false): boolean =>
  knowsAccount(caller, account, tied || callerGrants.some((g) => g.staffId === caller.id));

/**
 * Who reads the dossier today. The account's current sales manager and contact leader
 * hold a grant implicitly — it follows the account's holder fields, so a reassigned
 * person loses it at once — and leadership reads all; everyone else needs a grant from
 * the coordination group that has not expired. `callerGrants` are the caller's grants
 * on this account.
 */
export const dossierReadAccess = (
  caller: Caller,
  account: Account,
  callerGrants: readonly DossierGrant[],
  today: string,
  tied = false,
): DossierReadAccess => {
  if (caller.id === account.salesManagerId) return { kind: 'read', basis: 'sales_manager', grantId: null };
  if (caller.id === account.contactLeaderId) return { kind: 'read', basis: 'contact_leader', grantId: null };
  if (hasAnyRole(caller, ['leadership'])) return { kind: 'read', basis: 'leadership', grantId: null };
  const longest = callerGrants
    .filter((g) => g.staffId === caller.id && g.accountId === account.id && grantValidOn(g, today))
    .sort((a, b) => b.expiresOn.localeCompare(a.expiresOn))[0];
  if (longest !== undefined) return { kind: 'read', basis: 'grant', grantId: longest.id };
  return knowsOfDossier(caller, account, callerGrants, tied) ? { kind: 'grant-required' } : { kind: 'hidden' };
};

/** Only the account's current sales manager writes its dossier (domain.md §3.2: "the sales manager keeps the account's dossier"). */
export const keepsDossier = (caller: Caller, account: Account): boolean =>
  account.tier === 'key' && account.salesManagerId !== null && caller.id === account.salesManagerId;

export const grantRequired = (accountId: string) =>
  new Forbidden(msg(M.dossier_grantRequired, { accountId }), 'dossier-grant-required');

export const keptBySalesManager = (accountId: string) =>
  new Forbidden(msg(M.dossier_keptBySalesManager, { accountId }), 'dossier-kept-by-sales-manager');

export const newEntry = (id: string, accountId: string, input: CreateDossierEntryInput, by: string, at: string): DossierEntry => ({
  id,
  accountId,
  kind: input.kind,
  title: input.title,
  content: input.content,
  version: 1,
  createdBy: by,
  createdAt: at,
  updatedBy: by,
  updatedAt: at,
});

/** An edit makes the next version; the previous one is kept as it was (entries are never deleted). */
export const editEntry = (entry: DossierEntry, patch: PatchDossierEntryInput, by: string, at: string): DossierEntry => ({
  ...entry,
  title: patch.title ?? entry.title,
  content: patch.content ?? entry.content,
  version: entry.version + 1,
  updatedBy: by,
  updatedAt: at,
});

/** Why a grant may not be made: the grantee must be an active staff member, the expiry today or later. */
export const grantProblems = (input: GrantInput, grantee: Staff | undefined, today: string): { rule: ProblemSlug; error: FieldError }[] => {
  const problems: { rule: ProblemSlug; error: FieldError }[] = [];
  if (grantee === undefined) problems.push({ rule: 'grantee-unknown', error: fieldError('body.staffId', msg(M.field_noSuchStaff)) });
  else if (grantee.status === 'departed') problems.push({ rule: 'grantee-departed', error: fieldError('body.staffId', msg(M.field_leftOn, { leftOn: grantee.leftOn })) });
  if (input.expiresOn < today) {
    problems.push({ rule: 'grant-expiry-past', error: fieldError('body.expiresOn', msg(M.field_todayOrLater, { today })) });
  }
  return problems;
};

export const newGrant = (id: string, accountId: string, input: GrantInput, grantedBy: string, grantedAt: string, today: string, grantee: Staff | undefined): DossierGrant => {
  const problems = grantProblems(input, grantee, today);
  const first = problems[0];
  if (first !== undefined) {
    throw new RuleViolation(first.rule, msg(M.rule_fields, { errors: problems.map((p) => p.error) }), problems.map((p) => p.error));
  }
  return { id, accountId, staffId: input.staffId, expiresOn: input.expiresOn, grantedBy, grantedAt };
};
