import { getAccountById } from '#shared/db/accounts.ts';
import type { Page } from '#shared/db/pagination.ts';
import { projects } from '#shared/db/business.ts';
import { all } from '#shared/db/entity.ts';
import { type AccountPurpose, decideAccount, knowsAccount, mayUseAccount } from '#shared/domain/accounts.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { NotFound } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * The one account guard of the use cases (rule and table: shared/domain/accounts.ts,
 * README "Access rules"). Every use case that touches an account's objects goes through it.
 */

export interface GuardOptions {
  /** A relation the use case knows of (a party to the object, a grant …): makes a refusal 403, not 404. */
  tie?: () => Promise<boolean>;
  /** The error for an account that does not exist (default 404 `No account <id>`). */
  missing?: () => Error;
  /** The 404 for a caller with no relation, when the object is addressed by its own id. */
  hidden?: () => Error;
}

const noAccount = (id: string) => new NotFound(msg(M.account_notFound, { id }));

/** Ties beyond the roles: the use case's own, or the caller's department delivers one of the account's projects. */
const tiedTo = async (caller: Caller, account: Account, tie?: () => Promise<boolean>): Promise<boolean> =>
  (tie !== undefined && (await tie())) || (await all(projects, 'byAccount', { accountId: account.id })).some((p) => p.department === caller.department);

/** Whether the caller knows the account: by their roles, or by a tie (the use case's `tie`, or a project their department delivers). */
export const relatesTo = async (caller: Caller, account: Account, tie?: () => Promise<boolean>): Promise<boolean> =>
  knowsAccount(caller, account) || (await tiedTo(caller, account, tie));

/** The refusal for a caller the purpose does not allow: 403 if they know the account, else 404. Reads ties only then. */
const refuse = async (caller: Caller, account: Account, purpose: AccountPurpose, options: GuardOptions): Promise<never> => {
  const decision = decideAccount(caller, account, purpose, await relatesTo(caller, account, options.tie));
  throw decision.kind === 'refused' ? decision.error : (options.hidden?.() ?? noAccount(account.id));
};

/** Checks an account already read. */
export const guardAccount = async (caller: Caller, account: Account, purpose: AccountPurpose, options: GuardOptions = {}): Promise<void> => {
  if (!mayUseAccount(caller, account, purpose)) await refuse(caller, account, purpose, options);
};

const mustGet = async (accountId: string, options: GuardOptions): Promise<Account> => {
  const account = await getAccountById(accountId);
  if (account === undefined) throw options.missing?.() ?? noAccount(accountId);
  return account;
};

/** The account, if the caller may use it for `purpose`; else 403 or 404 as the rule says. */
export const loadAccountFor = async (caller: Caller, accountId: string, purpose: AccountPurpose, options: GuardOptions = {}): Promise<Account> => {
  const account = await mustGet(accountId, options);
  await guardAccount(caller, account, purpose, options);
  return account;
};

/** Whether a filtered list holds anything: a filtered page may come back empty with a cursor, so it reads on. */
export const anyListed = async (page: (cursor: string | undefined) => Promise<Page<unknown>>): Promise<boolean> => {
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    if (next.items.length > 0) return true;
    cursor = next.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return false;
};

/**
 * An account-scoped list: all of it when the purpose allows; the caller's own part when
 * they have some (`hasOwn`: the projects their department delivers, the disputes they are
 * a party to …); else the guard's 403 or 404 — never an empty 200 to a stranger.
 */
export const accountListScope = async (
  caller: Caller,
  accountId: string,
  purpose: AccountPurpose,
  hasOwn: () => Promise<boolean>,
): Promise<{ account: Account; scope: 'all' | 'own' }> => {
  const account = await mustGet(accountId, {});
  if (mayUseAccount(caller, account, purpose)) return { account, scope: 'all' };
  if (await hasOwn()) return { account, scope: 'own' };
  return refuse(caller, account, purpose, {});
};
