import * as z from 'zod/mini';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { insertAudited, replaceAudited, upsertAudited } from '#shared/db/audited.ts';
import { tableName } from '#shared/db/client.ts';
import { all, commit, defineEntity, type Expected, first, get, item, key, overwrite, page, parse, put, remove, update } from '#shared/db/entity.ts';
import type { Page } from '#shared/db/pagination.ts';
import { accountPk } from '#shared/db/partitions.ts';
import { batchGet, equals } from '#shared/db/query.ts';
import type { TransactItem } from '#shared/db/transact.ts';
import type { AccountRole, Assignment } from '#shared/domain/assignments.ts';
import { Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import { Account, AccountRole as Role, Assignment as AssignmentSchema, Handover, Revenue, Targets } from '#shared/schemas/accounts.ts';
import { Id, IsoDate } from '#shared/schemas/common.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

const roleOrder: readonly AccountRole[] = ['contact_leader', 'sales_manager'];

export const accounts = /* @__PURE__ */ built(() => defineEntity({
  kind: 'account', label: 'account', schema: Account, versioned: true,
  derive: (a) => ({ accountId: a.id }),
  keys: {
    pk: accountPk, sk: 'PROFILE',
    gsi1: { pk: 'TIER#<tier>', sk: 'NAME#<name>#<id>' },
    gsi2: { pk: 'ACCOUNTS', sk: 'NAME#<name>#<id>' },
  },
  // Stored as a map, so that a departure can flag one role with a single keyed update.
  stored: {
    write: (a) => ({ ...a, needsReassignment: Object.fromEntries(roleOrder.map((role) => [role, a.needsReassignment.includes(role)])) }),
    read: (item) => {
      const flags = item.needsReassignment;
      const flagged = (role: AccountRole) => typeof flags === 'object' && flags !== null && Reflect.get(flags, role) === true;
      return { ...item, needsReassignment: roleOrder.filter(flagged) };
    },
  },
  patterns: {
    byTier: { doc: 'accounts of a tier, by name prefix', index: 'gsi1', sk: 'NAME#<name>' },
    all: { doc: 'all accounts, by name prefix', index: 'gsi2', sk: 'NAME#<name>' },
  },
}));

/** One account per credit code. */
export const creditCodeClaims = /* @__PURE__ */ built(() => defineEntity({ kind: 'credit-code', label: 'credit-code claim', schema: z.object({ accountId: Id }), keys: { pk: 'CREDITCODE#<code>', sk: 'CLAIM' } }));

// The account's id rides on each interval, for the holder index.
const Holding = /* @__PURE__ */ z.extend(AssignmentSchema, { accountId: Id });
export type Holding = z.infer<typeof Holding>;
export const assignments = /* @__PURE__ */ defineEntity({
  kind: 'assignment', label: 'assignment interval', schema: Holding,
  keys: { pk: accountPk, sk: 'ASSIGN#<role>#<from>', gsi1: { pk: 'HOLDER#<staffId>', sk: '<from>#<accountId>#<role>' } },
  patterns: {
    history: { doc: "an account's assignment history, by role then start day", sk: 'ASSIGN#' },
    ofRole: { doc: '**who held role R on account A on day D**: the latest interval of R started by D, if it had not ended before D', sk: 'ASSIGN#<role>#' },
    byHolder: { doc: '**which accounts person P held during [from, to]** (or holds now): intervals started by `to`, not ended before `from`', index: 'gsi1' },
  },
});

export const reassignmentFlags = /* @__PURE__ */ built(() => defineEntity({
  kind: 'reassignment-flag', label: 'reassignment flag', schema: z.object({ accountId: Id, role: Role, since: IsoDate }),
  keys: { pk: 'NEEDS_REASSIGNMENT', sk: 'ACCOUNT#<accountId>#<role>' },
  patterns: { all: { doc: 'accounts awaiting reassignment' } },
}));

export const handovers = /* @__PURE__ */ defineEntity({
  kind: 'handover', label: 'handover form', schema: Handover, versioned: true,
  // ULIDs: oldest first.
  keys: { pk: accountPk, sk: 'HANDOVER#<id>' },
  patterns: { ofAccount: { doc: "an account's handover forms, oldest first", sk: 'HANDOVER#' } },
});

export const targets = /* @__PURE__ */ defineEntity({
  kind: 'targets', label: 'targets', schema: Targets, versioned: true,
  keys: { pk: accountPk, sk: 'TARGETS#<year>', gsi2: { pk: 'TARGETS#<year>', sk: accountPk } },
  patterns: { byYear: { doc: "every account's targets for a year (pay close)", index: 'gsi2' } },
  audit: { id: (t) => `${t.accountId}#${t.year}` },
});

export const revenue = /* @__PURE__ */ defineEntity({
  kind: 'revenue', label: 'recorded revenue', schema: Revenue, versioned: true,
  keys: { pk: accountPk, sk: 'REVENUE#<year>', gsi2: { pk: 'REVENUE#<year>', sk: accountPk } },
  patterns: { byYear: { doc: "every account's recorded revenue for a year", index: 'gsi2' } },
  audit: { id: (r) => `${r.accountId}#${r.year}` },
});

const openOnly = /* @__PURE__ */ equals('to', null);

/** Access pattern: an account by id. */
export const getAccountById = (id: string) => get(accounts, { accountId: id });

/** Access pattern: which account holds a credit code. */
export const accountIdByCreditCode = async (code: string): Promise<string | undefined> => (await get(creditCodeClaims, { code }))?.accountId;

/** Accounts by id, in the order asked, skipping ids that do not exist. */
export const getAccountsByIds = async (ids: readonly string[]): Promise<Account[]> => {
  const items = await batchGet([...new Set(ids)].map((id) => key(accounts, { accountId: id })));
  const found = new Map(items.map((item) => parse(accounts, item)).map((a) => [a.id, a]));
  return ids.flatMap((id) => found.get(id) ?? []);
};

const codeTaken = (code: string) => (claim: Record<string, unknown> | undefined) =>
  new Conflict(msg(M.account_creditCodeTaken, { code, accountId: String(claim?.accountId) }), 'credit-code-taken');
const claimCode = (code: string, accountId: string) => put(creditCodeClaims, { accountId }, 'new', { keys: { code }, onFail: codeTaken(code) });
const releaseCode = (code: string, accountId: string) => remove(creditCodeClaims, { code }, equals('accountId', accountId));

/** A new account, its credit-code claim and its audit record, all or nothing; 409 names the holder of a taken code. */
export const insertAccount = (account: Account, ctx: AuditContext) =>
  insertAudited(accounts, account, { ctx, action: 'create', also: account.creditCode === null ? [] : [claimCode(account.creditCode, account.id)] });

export const alreadyKey = (id: string) => new Conflict(msg(M.account_alreadyKey, { id }), 'already-key-account');

export interface AccountChange {
  action: string;
  ctx: AuditContext;
  /** Items that commit with the account (assignments, handover form). */
  with?: TransactItem[];
  /** Designation: only a normal account may become key. */
  onlyIfNormal?: boolean;
}

/**
 * Replaces an account if it is still at `before.version`, moving its credit-code claim
 * when the code changed; `change.with` items commit with it. 412 when changed, 404 when gone.
 */
export const replaceAccount = (before: Account, after: Account, change: AccountChange) => {
  const codeMoves = before.creditCode !== after.creditCode;
  return commit([
    put(accounts, after, before.version, {
      ...(change.onlyIfNormal === true ? { condition: { expression: 'tier = :normal', values: { ':normal': 'normal' } } } : {}),
      onFail: (old) => {
        if (old === undefined) return new NotFound(msg(M.account_notFound, { id: before.id }));
        if (change.onlyIfNormal === true && old.tier === 'key') return alreadyKey(before.id);
        return new PreconditionFailed();
      },
    }),
    ...(codeMoves && after.creditCode !== null ? [claimCode(after.creditCode, after.id)] : []),
    ...(codeMoves && before.creditCode !== null ? [releaseCode(before.creditCode, before.id)] : []),
    ...(change.with ?? []),
    auditPut(change.ctx, { entity: 'account', entityId: after.id, action: change.action, before, after }),
  ]);
};

/** Transaction items for an interval that starts now; the (role, from) slot must be free. */
export const openAssignment = (accountId: string, a: Assignment): TransactItem => put(assignments, { ...a, accountId }, 'new').item;

/** Transaction item that ends the current interval; fails if someone ended it first. */
export const closeAssignment = (accountId: string, a: Assignment): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: item(assignments, { ...a, accountId }),
    ConditionExpression: 'attribute_exists(pk) AND #to = :open',
    ExpressionAttributeNames: { '#to': 'to' },
    ExpressionAttributeValues: { ':open': null },
  },
});

const toAssignment = ({ role, staffId, from, to, reason }: Holding): Assignment => ({ role, staffId, from, to, reason });

/** Access pattern: an account's assignment history, by role then start day. */
export const listAssignments = async (accountId: string): Promise<Assignment[]> => (await all(assignments, 'history', { accountId })).map(toAssignment);

/**
 * Access pattern: who held role R on account A on day D — one keyed Query: the latest
 * interval of R that started on or before D, if it had not ended before D.
 */
export const holderOnDay = async (accountId: string, role: AccountRole, day: string): Promise<Assignment | undefined> => {
  const found = await first(assignments, 'ofRole', { accountId, role }, { range: { from: '', to: day }, newestFirst: true });
  if (found === undefined) return undefined;
  return found.to === null || day <= found.to ? toAssignment(found) : undefined;
};

/**
 * Access pattern: which accounts person P held during [from, to] — one keyed Query on
 * gsi1 (intervals that started by `to`), keeping those that had not ended before `from`.
 * `from`/`to` omitted: what P holds now.
 */
export const listHoldings = async (staffId: string, during?: { from: string; to: string }): Promise<Holding[]> =>
  (
    await all(assignments, 
      'byHolder',
      { staffId },
      during === undefined
        ? { filter: openOnly }
        : { range: { upTo: during.to }, filter: { ...openOnly, expression: `${openOnly.expression} OR #to >= :from`, values: { ...openOnly.values, ':from': during.from } } },
    )
  ).map((h) => ({ ...toAssignment(h), accountId: h.accountId }));

/** Flag items: the account needs a new holder for `role`. */
export const flagForReassignment = (accountId: string, role: AccountRole, since: string): TransactItem[] => [
  update(accounts, { accountId }, 'SET needsReassignment.#role = :yes, version = version + :one', { expression: 'attribute_exists(pk)', names: { '#role': role }, values: { ':yes': true, ':one': 1 } }),
  overwrite(reassignmentFlags, { accountId, role, since }),
];

export const clearReassignmentFlag = (accountId: string, role: AccountRole) => remove(reassignmentFlags, { accountId, role });

export const handoverPut = (handover: Handover, expectedVersion: Expected): TransactItem => put(handovers, handover, expectedVersion).item;

/** The receipt, on the condition that nobody confirmed it first. */
export const saveHandoverReceipt = (before: Handover, after: Handover, ctx: AuditContext) =>
  replaceAudited(handovers, before, after, { ctx, action: 'receipt', onFail: () => new PreconditionFailed() });

export interface AccountFilter {
  tier?: 'normal' | 'key';
  name?: string;
  ownerId?: string;
  needsReassignment?: boolean;
  limit: number;
  cursor?: string;
}

/**
 * Access patterns: accounts by tier (gsi1) or all (gsi2), both with a name prefix; by
 * current holder (gsi1 HOLDER#); flagged for reassignment (flag items). Keyed Queries.
 */
export const listAccounts = async (filter: AccountFilter): Promise<Page<Account>> => {
  if (filter.needsReassignment === true || filter.ownerId !== undefined) {
    const refs =
      filter.needsReassignment === true
        ? await page(reassignmentFlags, 'all', {}, filter.limit, filter.cursor)
        : await page(assignments, 'byHolder', { staffId: filter.ownerId ?? '' }, filter.limit, filter.cursor, { filter: openOnly });
    // An account flagged for both roles, or held in both, is listed once.
    const found = await getAccountsByIds([...new Set(refs.items.map((r) => r.accountId))]);
    const kept = found.filter((a) => (filter.tier === undefined || a.tier === filter.tier) && (filter.name === undefined || a.name.startsWith(filter.name)));
    return { items: kept, nextCursor: refs.nextCursor };
  }
  const name = filter.name ?? '';
  return filter.tier === undefined ? page(accounts, 'all', { name }, filter.limit, filter.cursor) : page(accounts, 'byTier', { tier: filter.tier, name }, filter.limit, filter.cursor);
};

/** Access pattern: an account's targets for a year. */
export const getTargets = (accountId: string, year: number) => get(targets, { accountId, year });

/** With `extra`, the items that go with it in the one transaction (its pay-change note). */
export const putTargets = (record: Targets, expected: number | null, ctx: AuditContext, before?: Targets, extra: readonly TransactItem[] = []) =>
  upsertAudited(targets, record, expected, { ctx, before, also: extra });

export const putRevenue = (record: Revenue, expected: number | null, ctx: AuditContext, before?: Revenue) => upsertAudited(revenue, record, expected, { ctx, before });

/** Access pattern: every account's recorded revenue in a year (gsi2 REVENUE#<year>), all pages. */
export const listRevenueByYear = async (year: number): Promise<{ accountId: string; amount: number }[]> =>
  (await all(revenue, 'byYear', { year })).map((r) => ({ accountId: r.accountId, amount: r.annualRevenueAmount }));
