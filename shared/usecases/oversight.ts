import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { getAccountById } from '#shared/db/accounts.ts';
import { get, page } from '#shared/db/entity.ts';
import * as store from '#shared/db/oversight.ts';
import type { Page } from '#shared/db/pagination.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { assertKey } from '#shared/domain/accounts.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import * as rules from '#shared/domain/oversight.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { Forbidden, NotFound } from '#shared/errors.ts';
import { accountListScope, anyListed, guardAccount, loadAccountFor } from '#shared/usecases/account-guard.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type { MajorMatter, MajorMatterInput, MatterStatus, SpotCheck, SpotCheckInput } from '#shared/schemas/oversight.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const spotCheckLocation = (id: string) => `/v1/spot-checks/${encodeURIComponent(id)}`;
export const majorMatterLocation = (id: string) => `/v1/major-matters/${encodeURIComponent(id)}`;

/** The company's day for a request made at `at` (an ISO timestamp). */
const dayOf = (at: string) => todayInShanghai(new Date(at));

const mustGetAccount = async (id: string): Promise<Account> => {
  const account = await getAccountById(id);
  if (account === undefined) throw new NotFound(msg(M.account_notFound, { id }));
  return account;
};

/* ---------- spot checks ---------- */

/**
 * A coordinator records a spot check of a key account with its findings and follow-ups;
 * each follow-up's owner must be a current member of staff (422 naming the entry).
 */
export const recordSpotCheck = async (accountId: string, input: SpotCheckInput, audit: AuditContext): Promise<SpotCheck> => {
  assertKey(await mustGetAccount(accountId));
  const ownerIds = [...new Set((input.followUps ?? []).map((f) => f.ownerId))];
  const owners = new Map(await Promise.all(ownerIds.map(async (id) => [id, await getStaffById(id)] as const)));
  rules.assertNoProblems(rules.spotCheckProblems(input, dayOf(audit.at), owners));
  const check = rules.newSpotCheck(ulid(), accountId, input, audit.actorId, ulid);
  await store.insertSpotCheck(check, audit);
  return check;
};

/** An account's spot checks, newest first; to those with no relation to the account they do not exist. */
export const findAccountSpotChecks = async (caller: Caller, accountId: string, limit: number, cursor?: string): Promise<Page<SpotCheck>> => {
  await loadAccountFor(caller, accountId, 'held');
  return page(store.spotChecks, 'byAccount', { accountId }, limit, cursor);
};

/** The spot check and its account, if the caller may see it (404 otherwise). */
const seeSpotCheck = async (caller: Caller, id: string): Promise<SpotCheck> => {
  const hidden = () => new NotFound(msg(M.oversight_spotCheckNotFound, { id }));
  const check = await get(store.spotChecks, { id });
  if (check === undefined) throw hidden();
  const account = await getAccountById(check.accountId);
  if (rules.mayReadSpotCheck(caller, check, account)) return check;
  if (account !== undefined) await guardAccount(caller, account, 'held', { hidden });
  throw hidden();
};

export const readSpotCheck = (caller: Caller, id: string): Promise<SpotCheck> => seeSpotCheck(caller, id);

/**
 * Marks one follow-up done, by its owner or a coordinator; 409 if it already is. Follow-ups
 * of one check share its version, so a concurrent change to another makes this re-read and retry.
 */
export const completeFollowUp = (caller: Caller, id: string, followUpId: string, doneOn: string, audit: AuditContext): Promise<SpotCheck> =>
  withRetry(msg(M.changing, { kind: 'spotCheck', id }), async () => {
    const before = await seeSpotCheck(caller, id);
    const followUp = before.followUps.find((f) => f.id === followUpId);
    if (followUp === undefined) throw rules.noFollowUp(before, followUpId);
    if (!rules.mayCompleteFollowUp(caller, followUp)) {
      throw new Forbidden(msg(M.oversight_notFollowUpOwner, { followUpId, ownerId: followUp.ownerId }), 'not-follow-up-owner');
    }
    const after = rules.completeFollowUp(before, followUpId, doneOn, dayOf(audit.at));
    await store.replaceSpotCheck(before, after, 'complete-follow-up', audit);
    return after;
  });

/* ---------- major matters ---------- */

/** Any department reports a major matter on a key account to the coordination group (domain.md §3.2). */
export const reportMajorMatter = async (caller: Caller, accountId: string, input: MajorMatterInput, audit: AuditContext): Promise<MajorMatter> => {
  const account = await mustGetAccount(accountId);
  const matter = rules.newMajorMatter(ulid(), account, input, caller, audit.at, dayOf(audit.at));
  await store.insertMajorMatter(matter, audit);
  return matter;
};

/** The report, if the caller is one of those who see it; to anyone else it does not exist. */
export const readMajorMatter = async (caller: Caller, id: string): Promise<MajorMatter> => {
  const hidden = () => new NotFound(msg(M.oversight_majorMatterNotFound, { id }));
  const matter = await get(store.majorMatters, { id });
  if (matter === undefined) throw hidden();
  const account = await getAccountById(matter.accountId);
  if (rules.mayReadMajorMatter(caller, matter, account)) return matter;
  if (account !== undefined) await guardAccount(caller, account, 'held', { hidden });
  throw hidden();
};

/** Reports of one status across accounts (unacknowledged unless asked), newest first: the coordination group's inbox. */
export const findMajorMatters = (status: MatterStatus | undefined, limit: number, cursor?: string): Promise<Page<MajorMatter>> =>
  page(store.majorMatters, 'byStatus', { status: status ?? 'unacknowledged' }, limit, cursor);

/**
 * One account's reports, newest first: all of them for the coordination group, leadership
 * and the account's current holders; the caller's own for any other reporter.
 */
export const findAccountMajorMatters = async (
  caller: Caller,
  accountId: string,
  query: { status?: MatterStatus; limit: number; cursor?: string },
): Promise<Page<MajorMatter>> => {
  const hasReported = () => anyListed((next) => store.listMajorMattersByAccount({ accountId, reportedBy: caller.id, limit: 100, cursor: next }));
  const { scope } = await accountListScope(caller, accountId, 'held', hasReported);
  const reportedBy = scope === 'own' ? caller.id : undefined;
  return store.listMajorMattersByAccount({ accountId, status: query.status, reportedBy, limit: query.limit, cursor: query.cursor });
};

/** The coordination group acknowledges a report with its response, once (409 on a second). */
export const acknowledgeMajorMatter = async (id: string, response: string, audit: AuditContext): Promise<MajorMatter> => {
  const before = await get(store.majorMatters, { id });
  if (before === undefined) throw new NotFound(msg(M.oversight_majorMatterNotFound, { id }));
  const after = rules.acknowledge(before, response, audit.actorId, audit.at);
  await store.recordAcknowledgement(before, after, audit);
  return after;
};
