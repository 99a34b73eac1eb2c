import { payChangeNote } from '#shared/db/pay-changes.ts';
import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import * as store from '#shared/db/accounts.ts';
import { get } from '#shared/db/entity.ts';
import { wonRevenueByAccount } from '#shared/db/business.ts';
import type { Page } from '#shared/db/pagination.ts';
import { decodeCursor, encodeCursor } from '#shared/db/pagination.ts';
import { getStaffById } from '#shared/db/staff.ts';
import * as rules from '#shared/domain/accounts.ts';
import { type Assignment, currentAssignment, reassign } from '#shared/domain/assignments.ts';
import { paretoCut } from '#shared/domain/pareto.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { quarterSplit } from '#shared/domain/targets.ts';
import { Conflict, Forbidden, NotFound, PreconditionFailed, PreconditionRequired } from '#shared/errors.ts';
import { handoverSnapshot } from '#shared/usecases/handovers.ts';
import { loadAccountFor } from '#shared/usecases/account-guard.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import type {
  Account,
  CreateAccountInput,
  DesignationInput,
  Handover,
  ListAccountsQuery,
  PatchAccountInput,
  ReassignmentInput,
  Revenue,
  Targets,
  TargetsInput,
} from '#shared/schemas/accounts.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const accountLocation = (id: string) => `/v1/accounts/${encodeURIComponent(id)}`;

const mustGet = async (id: string): Promise<Account> => {
  const account = await store.getAccountById(id);
  if (account === undefined) throw new NotFound(msg(M.account_notFound, { id }));
  return account;
};

/** The account and its records (assignments, targets), if the caller may read them (the one guard). */
export const readAccount = (caller: Caller, id: string): Promise<Account> => loadAccountFor(caller, id, 'records');

export const createAccount = async (input: CreateAccountInput, audit: AuditContext): Promise<Account> => {
  const account = rules.newAccount(ulid(), input, audit.actorId, audit.at);
  await store.insertAccount(account, audit);
  return account;
};

export const findAccounts = async (caller: Caller, query: ListAccountsQuery): Promise<Page<Account>> => {
  const filter = { tier: query.tier, name: query.name, ownerId: query.ownerId, needsReassignment: query.needsReassignment === 'true', limit: query.limit, cursor: query.cursor };
  if (!rules.seesAllAccounts(caller)) {
    if (filter.needsReassignment) throw new Forbidden(msg(M.account_listAwaitingReassignment), 'role-not-allowed');
    if (filter.ownerId !== undefined && filter.ownerId !== caller.id) throw new Forbidden(msg(M.account_listOwnOnly), 'role-not-allowed');
    // The open pool of normal accounts, or else one's own accounts.
    if (!(filter.tier === 'normal' && filter.ownerId === undefined)) filter.ownerId = caller.id;
  }
  return store.listAccounts(filter);
};

export const updateAccount = async (caller: Caller, id: string, ifMatch: number, patch: PatchAccountInput, audit: AuditContext): Promise<Account> => {
  const before = await loadAccountFor(caller, id, 'act');
  if (before.version !== ifMatch) throw new PreconditionFailed();
  const after = rules.patchAccount(before, patch);
  await store.replaceAccount(before, after, { action: 'update', ctx: audit });
  return after;
};

/**
 * Designation: the account becomes key with its contact leader and sales manager from
 * `effectiveOn`. The write is conditional on the account still being normal, so of two
 * racing designations exactly one wins; the other gets 409.
 */
export const designateAccount = (id: string, input: DesignationInput, audit: AuditContext): Promise<Account> =>
  withRetry(msg(M.changing, { kind: 'account', id }), async () => {
    const before = await mustGet(id);
    if (before.tier === 'key') throw store.alreadyKey(id);
    const [leader, manager] = await Promise.all([getStaffById(input.contactLeaderId), getStaffById(input.salesManagerId)]);
    rules.assertAssignable([
      ...rules.assignmentProblems('contact_leader', leader, 'body.contactLeaderId'),
      ...rules.assignmentProblems('sales_manager', manager, 'body.salesManagerId'),
    ]);
    const after = rules.designate(before, input.contactLeaderId, input.salesManagerId, input.effectiveOn);
    const opened = (role: Assignment['role'], staffId: string): Assignment => ({ role, staffId, from: input.effectiveOn, to: null, reason: 'designation' });
    await store.replaceAccount(before, after, {
      action: 'designate',
      ctx: audit,
      onlyIfNormal: true,
      with: [
        store.openAssignment(id, opened('contact_leader', input.contactLeaderId)),
        store.openAssignment(id, opened('sales_manager', input.salesManagerId)),
        // Pay from effectiveOn on changes, also in a period already finalised (shared/db/pay-changes.ts).
        payChangeNote({ accountId: id, change: 'designation', id: input.effectiveOn, from: input.effectiveOn, to: null, recordedAt: audit.at }),
      ],
    });
    return after;
  });

/**
 * Reassignment: the current holder's interval ends the day before `effectiveOn`, the new
 * one starts then, and the handover form is kept — all in one transaction.
 */
export const reassignAccount = (id: string, input: ReassignmentInput, audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'account', id }), async () => {
    const before = await mustGet(id);
    rules.assertKey(before);
    rules.assertAssignable(rules.assignmentProblems(input.role, await getStaffById(input.staffId), 'body.staffId'));
    const current = currentAssignment(await store.listAssignments(id), input.role);
    if (current === undefined) throw new Conflict(msg(M.account_noCurrentHolder, { id, role: input.role }), 'no-current-holder');
    const { closed, opened } = reassign(current, input.staffId, input.effectiveOn, input.reason);
    const after = rules.assignHolder(before, input.role, input.staffId);
    const handover: Handover = {
      id: ulid(),
      accountId: id,
      role: input.role,
      fromStaffId: current.staffId,
      toStaffId: input.staffId,
      effectiveOn: input.effectiveOn,
      reason: input.reason,
      items: input.handover.items,
      openIssues: input.handover.openIssues ?? [],
      notes: input.handover.notes ?? null,
      ...(await handoverSnapshot(id)),
      recordedBy: audit.actorId,
      recordedAt: audit.at,
      receipt: null,
      version: 1,
    };
    await store.replaceAccount(before, after, {
      action: 'reassign',
      ctx: audit,
      with: [
        store.closeAssignment(id, closed),
        store.openAssignment(id, opened),
        store.handoverPut(handover, 'new'),
        store.clearReassignmentFlag(id, input.role),
        payChangeNote({ accountId: id, change: 'assignment', id: `${input.role}#${input.effectiveOn}`, from: input.effectiveOn, to: null, recordedAt: audit.at }),
      ],
    });
    return { account: after, closed, opened, handover };
  });

export const assignmentHistory = async (caller: Caller, id: string) => {
  await readAccount(caller, id);
  const items = await store.listAssignments(id);
  return { items: items.sort((a, b) => a.role.localeCompare(b.role) || a.from.localeCompare(b.from)), nextCursor: null };
};

/** PUT of a yearly record: If-Match only once it exists (428 without it then, 412 when stale). */
const nextVersion = (existing: { version: number } | undefined, ifMatch: number | undefined): number => {
  if (existing === undefined) return 1;
  if (ifMatch === undefined) throw new PreconditionRequired();
  if (ifMatch !== existing.version) throw new PreconditionFailed();
  return existing.version + 1;
};

export const setTargets = async (caller: Caller, accountId: string, year: number, ifMatch: number | undefined, input: TargetsInput, audit: AuditContext) => {
  rules.assertKey(await loadAccountFor(caller, accountId, 'oversee'));
  const existing = await store.getTargets(accountId, year);
  const targets: Targets = {
    accountId,
    year,
    contractAmount: input.contractAmount,
    collectionAmount: input.collectionAmount,
    quarters: {
      contract: quarterSplit(input.contractAmount, input.quarters?.contract, 'contract'),
      collection: quarterSplit(input.collectionAmount, input.quarters?.collection, 'collection'),
    },
    split: input.quarters === undefined ? 'equal' : 'explicit',
    version: nextVersion(existing, ifMatch),
  };
  const note = payChangeNote({ accountId: targets.accountId, change: 'targets', id: String(targets.year), from: `${targets.year}-01-01`, to: `${targets.year}-12-31`, recordedAt: audit.at });
  await store.putTargets(targets, existing?.version ?? null, audit, existing, [note]);
  return { targets, created: existing === undefined };
};

export const readTargets = async (caller: Caller, accountId: string, year: number): Promise<Targets> => {
  await readAccount(caller, accountId);
  const targets = await store.getTargets(accountId, year);
  if (targets === undefined) throw new NotFound(msg(M.targets_notFound, { accountId, year }));
  return targets;
};

export const setRevenue = async (accountId: string, year: number, ifMatch: number | undefined, annualRevenueAmount: number, audit: AuditContext) => {
  await mustGet(accountId);
  const existing = await get(store.revenue, { accountId, year });
  const revenue: Revenue = { accountId, year, annualRevenueAmount, version: nextVersion(existing, ifMatch) };
  await store.putRevenue(revenue, existing?.version ?? null, audit, existing);
  return { revenue, created: existing === undefined };
};

/**
 * The 20 % that bring 80 %: every account's contract revenue in `year` — from its won
 * projects where it has some, else from the revenue recorded for it — ranked, with the
 * smallest set reaching 80 % marked (pareto.ts), a page at a time.
 */
export const keyAccountCandidates = async (year: number, limit: number, cursor: string | undefined) => {
  // The cursor is checked before anything is read.
  const query = `candidates#${year}`;
  const offset = Number(decodeCursor(query, cursor)?.offset ?? 0);
  const won = await wonRevenueByAccount(year);
  const recorded = (await store.listRevenueByYear(year)).filter((r) => !won.has(r.accountId));
  const { total, ranked } = paretoCut([...[...won].map(([accountId, amount]) => ({ accountId, amount })), ...recorded]);
  const slice = ranked.slice(offset, offset + limit);
  const accounts = new Map((await store.getAccountsByIds(slice.map((r) => r.accountId))).map((a) => [a.id, a]));
  return {
    year,
    totalAmount: total,
    coreSetSize: ranked.filter((r) => r.inCoreSet).length,
    items: slice.map((r) => {
      const account = accounts.get(r.accountId);
      return {
        rank: r.rank,
        accountId: r.accountId,
        name: account?.name ?? '',
        tier: account?.tier ?? 'normal',
        revenueAmount: r.amount,
        revenueSource: won.has(r.accountId) ? ('projects' as const) : ('recorded' as const),
        share: r.share,
        cumulativeShare: r.cumulativeShare,
        inCoreSet: r.inCoreSet,
        isKey: account?.tier === 'key',
      };
    }),
    nextCursor: offset + limit < ranked.length ? encodeCursor(query, { offset: offset + limit }) : null,
  };
};
