import { ulid } from 'ulid';
import { getAccountById } from '#shared/db/accounts.ts';
import type { AuditContext } from '#shared/db/audit.ts';
import * as store from '#shared/db/dossier.ts';
import { all, get, page } from '#shared/db/entity.ts';
import type { Page } from '#shared/db/pagination.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { assertKey } from '#shared/domain/accounts.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import * as rules from '#shared/domain/dossier.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import { relatesTo } from '#shared/usecases/account-guard.ts';
import type {
  CreateDossierEntryInput,
  DossierAccess,
  DossierEntry,
  DossierGrant,
  DossierPageQuery,
  DossierReadOperation,
  GrantInput,
  ListGrantsQuery,
  PatchDossierEntryInput,
} from '#shared/schemas/dossier.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

const accountPath = (accountId: string) => `/v1/accounts/${encodeURIComponent(accountId)}`;
export const dossierEntryLocation = (accountId: string, entryId: string) =>
  `${accountPath(accountId)}/dossier/entries/${encodeURIComponent(entryId)}`;
/** A grant has no page of its own; its place is the list of that person's grants on the account. */
export const dossierGrantLocation = (grant: DossierGrant) =>
  `${accountPath(grant.accountId)}/dossier/grants?staffId=${encodeURIComponent(grant.staffId)}`;

const today = (audit: AuditContext) => todayInShanghai(new Date(audit.at));
const noAccount = (id: string) => new NotFound(msg(M.account_notFound, { id }));

/**
 * The account, the caller's grants on it (two keyed reads) and, for a caller whose roles
 * and grants do not relate them to it, the one guard's other ties (account-guard.ts).
 */
const loadForCaller = async (caller: Caller, accountId: string) => {
  const [account, grants] = await Promise.all([getAccountById(accountId), all(store.dossierGrants, 'ofStaff', { accountId, staffId: caller.id })]);
  if (account === undefined) throw noAccount(accountId);
  const tied = !rules.knowsOfDossier(caller, account, grants) && (await relatesTo(caller, account));
  return { account, grants, tied };
};

/**
 * Writes are the current sales manager's alone; anyone else who knows of the account gets
 * 403, anyone with no relation to it 404 (the same reply as for an account that does not exist).
 */
const assertKeeper = async (caller: Caller, accountId: string): Promise<Account> => {
  const { account, grants, tied } = await loadForCaller(caller, accountId);
  if (rules.keepsDossier(caller, account)) return account;
  if (!rules.knowsOfDossier(caller, account, grants, tied)) throw noAccount(accountId);
  assertKey(account);
  throw rules.keptBySalesManager(accountId);
};

/** Reading: 404 to those with no relation, 422 on a normal account, 403 without a grant valid today. */
const assertReader = async (caller: Caller, accountId: string, audit: AuditContext) => {
  const { account, grants, tied } = await loadForCaller(caller, accountId);
  const access = rules.dossierReadAccess(caller, account, grants, today(audit), tied);
  if (access.kind === 'hidden') throw noAccount(accountId);
  assertKey(account);
  if (access.kind === 'grant-required') throw rules.grantRequired(accountId);
  return access;
};

const mustGetEntry = async (accountId: string, entryId: string): Promise<DossierEntry> => {
  const entry = await get(store.dossierEntries, { accountId, id: entryId });
  if (entry === undefined) throw new NotFound(msg(M.dossier_entryNotFound, { entryId, accountId }));
  return entry;
};

/** Logs what was read; the reply is only given once the log holds it. */
const logRead = async (
  caller: Caller,
  accountId: string,
  operation: DossierReadOperation,
  access: { basis: DossierAccess['basis']; grantId: string | null },
  entries: readonly { id: string; version: number }[],
  audit: AuditContext,
): Promise<void> => {
  await store.appendAccessLog(
    {
      id: ulid(),
      accountId,
      readerId: caller.id,
      at: audit.at,
      operation,
      basis: access.basis,
      grantId: access.grantId,
      entries: entries.map((e) => ({ id: e.id, version: e.version })),
    },
    audit,
  );
};

/**
 * A read of something else kept under the dossier's rules (a stakeholder's contact
 * details): the same decision of who reads (the holders, leadership, a valid grant; 403
 * to others who know the account, 404 to strangers) and the read logged in the dossier's
 * access log before the reply leaves. `read` runs only once access is decided.
 */
export const readUnderDossierRules = async <T>(
  caller: Caller,
  accountId: string,
  operation: DossierReadOperation,
  audit: AuditContext,
  read: () => Promise<T>,
  logged: (result: T) => readonly { id: string; version: number }[],
): Promise<T> => {
  const access = await assertReader(caller, accountId, audit);
  const result = await read();
  await logRead(caller, accountId, operation, access, logged(result), audit);
  return result;
};

export const addDossierEntry = async (caller: Caller, accountId: string, input: CreateDossierEntryInput, audit: AuditContext): Promise<DossierEntry> => {
  await assertKeeper(caller, accountId);
  const entry = rules.newEntry(ulid(), accountId, input, caller.id, audit.at);
  await store.insertEntry(entry, audit);
  return entry;
};

export const editDossierEntry = async (
  caller: Caller,
  accountId: string,
  entryId: string,
  ifMatch: number,
  patch: PatchDossierEntryInput,
  audit: AuditContext,
): Promise<DossierEntry> => {
  await assertKeeper(caller, accountId);
  const before = await mustGetEntry(accountId, entryId);
  if (before.version !== ifMatch) throw new PreconditionFailed();
  const after = rules.editEntry(before, patch, caller.id, audit.at);
  await store.replaceEntry(before, after, audit);
  return after;
};

export const readDossier = async (caller: Caller, accountId: string, query: DossierPageQuery, audit: AuditContext): Promise<Page<DossierEntry>> => {
  const access = await assertReader(caller, accountId, audit);
  const onePage = await page(store.dossierEntries, 'current', { accountId }, query.limit, query.cursor);
  await logRead(caller, accountId, 'listDossier', access, onePage.items, audit);
  return onePage;
};

export const readDossierEntry = async (caller: Caller, accountId: string, entryId: string, audit: AuditContext): Promise<DossierEntry> => {
  const access = await assertReader(caller, accountId, audit);
  const entry = await mustGetEntry(accountId, entryId);
  await logRead(caller, accountId, 'getDossierEntry', access, [entry], audit);
  return entry;
};

export const readDossierEntryVersions = async (
  caller: Caller,
  accountId: string,
  entryId: string,
  query: DossierPageQuery,
  audit: AuditContext,
): Promise<Page<DossierEntry>> => {
  const access = await assertReader(caller, accountId, audit);
  await mustGetEntry(accountId, entryId);
  const onePage = await page(store.dossierEntries, 'versions', { accountId, id: entryId }, query.limit, query.cursor);
  await logRead(caller, accountId, 'listDossierEntryVersions', access, onePage.items, audit);
  return onePage;
};

/** The coordination group grants reading until a day; the grantee must be an active staff member. */
/* Grants and the access log are the coordinators' alone (the route admits no one else); the account must exist. */
const mustGetAccount = async (id: string) => {
  const account = await getAccountById(id);
  if (account === undefined) throw noAccount(id);
  return account;
};

export const grantDossierAccess = async (accountId: string, input: GrantInput, audit: AuditContext): Promise<DossierGrant> => {
  const [account, grantee] = await Promise.all([mustGetAccount(accountId), getStaffById(input.staffId)]);
  assertKey(account);
  const grant = rules.newGrant(ulid(), accountId, input, audit.actorId, audit.at, today(audit), grantee);
  await store.insertGrant(grant, audit);
  return grant;
};

export const findDossierGrants = async (accountId: string, query: ListGrantsQuery): Promise<Page<DossierGrant>> => {
  await mustGetAccount(accountId);
  return store.listGrants(accountId, query.limit, query.cursor, query.staffId);
};

export const findDossierAccessLog = async (accountId: string, query: DossierPageQuery): Promise<Page<DossierAccess>> => {
  await mustGetAccount(accountId);
  return page(store.dossierAccessLog, 'newestFirst', { accountId }, query.limit, query.cursor);
};
