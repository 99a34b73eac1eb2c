import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Page } from '#shared/db/pagination.ts';
import { queryAll, queryPage } from '#shared/db/query.ts';
import { ConditionFailed, type TransactItem, transactWrite } from '#shared/db/transact.ts';
import type { AccountRole, Assignment } from '#shared/domain/assignments.ts';
import { Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { Account, Handover, Revenue, Targets } from '#shared/schemas/accounts.ts';

/*
 * Keys (see README, data model):
 *   account            pk ACCOUNT#<id>   sk PROFILE
 *                      gsi1 TIER#<tier> / NAME#<name>#<id>       (accounts by tier, name prefix)
 *                      gsi2 ACCOUNTS / NAME#<name>#<id>          (all accounts, name prefix)
 *   credit code claim  pk CREDITCODE#<code>  sk CLAIM            (one account per code)
 *   assignment         pk ACCOUNT#<id>   sk ASSIGN#<role>#<from>
 *                      gsi1 HOLDER#<staffId> / <from>#<accountId>#<role>   (what a person held, when)
 *   reassignment flag  pk NEEDS_REASSIGNMENT  sk ACCOUNT#<id>#<role>
 *   handover form      pk ACCOUNT#<id>   sk HANDOVER#<id>   (ULIDs: oldest first)
 *   targets            pk ACCOUNT#<id>   sk TARGETS#<year>   gsi2 TARGETS#<year> / ACCOUNT#<id>
 *   recorded revenue   pk ACCOUNT#<id>   sk REVENUE#<year>   gsi2 REVENUE#<year> / ACCOUNT#<id>
 */
const accountPk = (id: string) => `ACCOUNT#${id}`;
const PROFILE = 'PROFILE';
const nameKey = (name: string, id: string) => `NAME#${name}#${id}`;
const assignSk = (role: AccountRole, from: string) => `ASSIGN#${role}#${from}`;
const holderPk = (staffId: string) => `HOLDER#${staffId}`;
const FLAGS = 'NEEDS_REASSIGNMENT';

interface StoredAccount extends Omit<Account, 'needsReassignment'> {
  /** A map, so that a departure can flag one role with a single keyed update. */
  needsReassignment: Record<AccountRole, boolean>;
}

const roleOrder: readonly AccountRole[] = ['contact_leader', 'sales_manager'];

const fromItem = (item: Record<string, unknown>): Account => {
  const stored = item as unknown as StoredAccount;
  return {
    id: stored.id,
    name: stored.name,
    industry: stored.industry,
    creditCode: stored.creditCode,
    tier: stored.tier,
    contactLeaderId: stored.contactLeaderId,
    salesManagerId: stored.salesManagerId,
    keySince: stored.keySince,
    needsReassignment: roleOrder.filter((role) => stored.needsReassignment[role]),
    createdBy: stored.createdBy,
    createdAt: stored.createdAt,
    version: stored.version,
  };
};

const profileItem = (account: Account) => ({
  pk: accountPk(account.id),
  sk: PROFILE,
  gsi1pk: `TIER#${account.tier}`,
  gsi1sk: nameKey(account.name, account.id),
  gsi2pk: 'ACCOUNTS',
  gsi2sk: nameKey(account.name, account.id),
  kind: 'account',
  ...account,
  needsReassignment: Object.fromEntries(roleOrder.map((role) => [role, account.needsReassignment.includes(role)])),
});

/** Puts the account if it is still at `expectedVersion` (or, for a new one, if it does not exist). */
const putAccount = (account: Account, expectedVersion: number | 'new', extraCondition?: string): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: profileItem(account),
    ...(expectedVersion === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: `version = :expected${extraCondition === undefined ? '' : ` AND ${extraCondition}`}`,
          ExpressionAttributeValues: { ':expected': expectedVersion, ...(extraCondition === undefined ? {} : { ':normal': 'normal' }) },
        }),
  },
});

const claimKey = (code: string) => ({ pk: `CREDITCODE#${code}`, sk: 'CLAIM' });
const claimCode = (code: string, accountId: string): TransactItem => ({
  Put: { TableName: tableName, Item: { ...claimKey(code), kind: 'credit-code', accountId }, ConditionExpression: 'attribute_not_exists(pk)' },
});
const releaseCode = (code: string, accountId: string): TransactItem => ({
  Delete: {
    TableName: tableName,
    Key: claimKey(code),
    ConditionExpression: 'accountId = :id',
    ExpressionAttributeValues: { ':id': accountId },
  },
});

const assignmentItem = (accountId: string, a: Assignment) => ({
  pk: accountPk(accountId),
  sk: assignSk(a.role, a.from),
  gsi1pk: holderPk(a.staffId),
  gsi1sk: `${a.from}#${accountId}#${a.role}`,
  kind: 'assignment',
  accountId,
  ...a,
});

/** Access pattern: an account by id. */
export const getAccountById = async (id: string): Promise<Account | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: accountPk(id), sk: PROFILE } }));
  return out.Item === undefined ? undefined : fromItem(out.Item);
};

/** Access pattern: which account holds a credit code. */
export const accountIdByCreditCode = async (code: string): Promise<string | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: claimKey(code) }));
  return out.Item?.accountId as string | undefined;
};

/** Accounts by id, in the order asked, skipping ids that do not exist. */
export const getAccountsByIds = async (ids: readonly string[]): Promise<Account[]> => {
  const found = new Map<string, Account>();
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = [...new Set(ids.slice(i, i + 100))].map((id) => ({ pk: accountPk(id), sk: PROFILE }));
    // BatchGet may return some keys unprocessed under load; ask again for those.
    for (let attempt = 0; keys !== undefined && keys.length > 0; attempt++) {
      if (attempt > 0) await new Promise((done) => setTimeout(done, 50 * 2 ** attempt));
      const out: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
      for (const item of out.Responses?.[tableName] ?? []) found.set(item.id as string, fromItem(item));
      keys = out.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return ids.flatMap((id) => found.get(id) ?? []);
};

/** A new account, its credit-code claim and its audit record, all or nothing; 409 names the holder of a taken code. */
export const insertAccount = async (account: Account, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([
      putAccount(account, 'new'),
      ...(account.creditCode === null ? [] : [claimCode(account.creditCode, account.id)]),
      auditPut(ctx, { entity: 'account', entityId: account.id, action: 'create', after: account }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 1) throw codeTaken(account.creditCode ?? '', error.existing);
    throw error;
  }
};

const codeTaken = (code: string, claim: Record<string, unknown> | undefined) =>
  new Conflict(`Credit code ${code} already belongs to account ${String(claim?.accountId)}`, 'credit-code-taken', 'Credit code already registered');

/**
 * Replaces an account if it is still at `before.version`, moving its credit-code claim
 * when the code changed; `extra` items commit with it. 412 when changed, 404 when gone.
 */
export const replaceAccount = async (
  before: Account,
  after: Account,
  action: string,
  ctx: AuditContext,
  extra: TransactItem[] = [],
  onlyIfNormal = false,
): Promise<void> => {
  const codeMoves = before.creditCode !== after.creditCode;
  const items: TransactItem[] = [
    putAccount(after, before.version, onlyIfNormal ? 'tier = :normal' : undefined),
    ...(codeMoves && after.creditCode !== null ? [claimCode(after.creditCode, after.id)] : []),
    ...(codeMoves && before.creditCode !== null ? [releaseCode(before.creditCode, before.id)] : []),
    ...extra,
    auditPut(ctx, { entity: 'account', entityId: after.id, action, before, after }),
  ];
  try {
    await transactWrite(items);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (error.index === 0) {
      if (error.existing === undefined) throw new NotFound(`No account ${before.id}`);
      if (onlyIfNormal && error.existing.tier === 'key') throw alreadyKey(before.id);
      throw new PreconditionFailed();
    }
    if (codeMoves && after.creditCode !== null && error.index === 1) throw codeTaken(after.creditCode, error.existing);
    throw error;
  }
};

export const alreadyKey = (id: string) => new Conflict(`Account ${id} is already a key account`, 'already-key-account', 'Already a key account');

/** Transaction items for an interval that starts now; the (role, from) slot must be free. */
export const openAssignment = (accountId: string, a: Assignment): TransactItem => ({
  Put: { TableName: tableName, Item: assignmentItem(accountId, a), ConditionExpression: 'attribute_not_exists(pk)' },
});

/** Transaction item that ends the current interval; fails if someone ended it first. */
export const closeAssignment = (accountId: string, a: Assignment): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: assignmentItem(accountId, a),
    ConditionExpression: 'attribute_exists(pk) AND #to = :open',
    ExpressionAttributeNames: { '#to': 'to' },
    ExpressionAttributeValues: { ':open': null },
  },
});

const toAssignment = (item: Record<string, unknown>): Assignment => {
  const { role, staffId, from, to, reason } = item as unknown as Assignment;
  return { role, staffId, from, to, reason };
};

/** Access pattern: an account's assignment history, by role then start day. */
export const listAssignments = async (accountId: string): Promise<Assignment[]> =>
  (await queryAll({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': accountPk(accountId), ':prefix': 'ASSIGN#' },
  })).map(toAssignment);

/**
 * Access pattern: who held role R on account A on day D — one keyed Query: the latest
 * interval of R that started on or before D, if it had not ended before D.
 */
export const holderOnDay = async (accountId: string, role: AccountRole, day: string): Promise<Assignment | undefined> => {
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :day',
      ExpressionAttributeValues: { ':pk': accountPk(accountId), ':first': assignSk(role, ''), ':day': assignSk(role, day) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const found = out.Items?.[0];
  if (found === undefined) return undefined;
  const assignment = toAssignment(found);
  return assignment.to === null || day <= assignment.to ? assignment : undefined;
};

export interface Holding extends Assignment {
  accountId: string;
}

/**
 * Access pattern: which accounts person P held during [from, to] — one keyed Query on
 * gsi1 (intervals that started by `to`), keeping those that had not ended before `from`.
 * `from`/`to` omitted: what P holds now.
 */
export const listHoldings = async (staffId: string, during?: { from: string; to: string }): Promise<Holding[]> =>
  (await queryAll({
    TableName: tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: during === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND gsi1sk <= :last',
    FilterExpression: during === undefined ? '#to = :open' : '#to = :open OR #to >= :from',
    ExpressionAttributeNames: { '#to': 'to' },
    ExpressionAttributeValues: {
      ':pk': holderPk(staffId),
      ':open': null,
      ...(during === undefined ? {} : { ':last': `${during.to}#\uffff`, ':from': during.from }),
    },
  })).map((item) => ({ ...toAssignment(item), accountId: item.accountId as string }));

/** Flag items: the account needs a new holder for `role`. */
export const flagForReassignment = (accountId: string, role: AccountRole, since: string): TransactItem[] => [
  {
    Update: {
      TableName: tableName,
      Key: { pk: accountPk(accountId), sk: PROFILE },
      UpdateExpression: 'SET needsReassignment.#role = :yes, version = version + :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#role': role },
      ExpressionAttributeValues: { ':yes': true, ':one': 1 },
    },
  },
  { Put: { TableName: tableName, Item: { pk: FLAGS, sk: `ACCOUNT#${accountId}#${role}`, kind: 'reassignment-flag', accountId, role, since } } },
];

export const clearReassignmentFlag = (accountId: string, role: AccountRole): TransactItem => ({
  Delete: { TableName: tableName, Key: { pk: FLAGS, sk: `ACCOUNT#${accountId}#${role}` } },
});

const handoverKey = (accountId: string, id: string) => ({ pk: accountPk(accountId), sk: `HANDOVER#${id}` });
const handoverFields = [
  'id', 'accountId', 'role', 'fromStaffId', 'toStaffId', 'effectiveOn', 'reason', 'items', 'openIssues', 'notes',
  'dossierEntries', 'openOpportunities', 'openReceivables', 'openActionItems', 'recordedBy', 'recordedAt', 'receipt', 'version',
] as const;
const toHandover = (item: Record<string, unknown>) => Object.fromEntries(handoverFields.map((f) => [f, item[f]])) as unknown as Handover;

export const handoverPut = (handover: Handover, expectedVersion: number | 'new'): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: { ...handoverKey(handover.accountId, handover.id), kind: 'handover', ...handover },
    ...(expectedVersion === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
  },
});

/** Access pattern: one handover form. */
export const getHandover = async (accountId: string, id: string): Promise<Handover | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: handoverKey(accountId, id) }));
  return out.Item === undefined ? undefined : toHandover(out.Item);
};

/** Access pattern: an account's handover forms, oldest first. */
export const listHandovers = async (accountId: string): Promise<Handover[]> => {
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': accountPk(accountId), ':prefix': 'HANDOVER#' },
    }),
  );
  return (out.Items ?? []).map(toHandover);
};

/** The receipt, on the condition that nobody confirmed it first. */
export const saveHandoverReceipt = async (before: Handover, after: Handover, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([handoverPut(after, before.version), auditPut(ctx, { entity: 'handover', entityId: after.id, action: 'receipt', before, after })]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new PreconditionFailed();
    throw error;
  }
};

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
    const input: QueryCommandInput =
      filter.needsReassignment === true
        ? { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': FLAGS } }
        : {
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            FilterExpression: '#to = :open',
            ExpressionAttributeNames: { '#to': 'to' },
            ExpressionAttributeValues: { ':pk': holderPk(filter.ownerId ?? ''), ':open': null },
          };
    const refs = await queryPage(input, filter.limit, filter.cursor, (item) => item.accountId as string);
    // An account flagged for both roles, or held in both, is listed once.
    const accounts = await getAccountsByIds([...new Set(refs.items)]);
    const kept = accounts.filter(
      (a) => (filter.tier === undefined || a.tier === filter.tier) && (filter.name === undefined || a.name.startsWith(filter.name)),
    );
    return { items: kept, nextCursor: refs.nextCursor };
  }
  const index = filter.tier === undefined ? 'gsi2' : 'gsi1';
  const partition = filter.tier === undefined ? 'ACCOUNTS' : `TIER#${filter.tier}`;
  const input: QueryCommandInput = {
    TableName: tableName,
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk AND begins_with(${index}sk, :prefix)`,
    ExpressionAttributeValues: { ':pk': partition, ':prefix': `NAME#${filter.name ?? ''}` },
  };
  return queryPage(input, filter.limit, filter.cursor, fromItem);
};

type Yearly = 'targets' | 'revenue';
const yearlyKey = (kind: Yearly, accountId: string, year: number) => ({ pk: accountPk(accountId), sk: `${kind.toUpperCase()}#${year}` });

const getYearly = async (kind: Yearly, accountId: string, year: number): Promise<Record<string, unknown> | undefined> =>
  (await db.send(new GetCommand({ TableName: tableName, Key: yearlyKey(kind, accountId, year) }))).Item;

/**
 * Writes a per-account, per-year record (targets, revenue) as a new version; `expected`
 * null means it must not exist yet. gsi2 `<KIND>#<year>` lists every account's for a year.
 */
const putYearly = async (
  kind: Yearly,
  record: { accountId: string; year: number; version: number },
  expected: number | null,
  ctx: AuditContext,
  before: unknown,
): Promise<void> => {
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName,
          Item: { ...yearlyKey(kind, record.accountId, record.year), gsi2pk: `${kind.toUpperCase()}#${record.year}`, gsi2sk: accountPk(record.accountId), kind, ...record },
          ...(expected === null
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected } }),
        },
      },
      auditPut(ctx, { entity: kind, entityId: `${record.accountId}#${record.year}`, action: expected === null ? 'create' : 'update', before, after: record }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new PreconditionFailed();
    throw error;
  }
};

/** Access pattern: an account's targets for a year. */
export const getTargets = async (accountId: string, year: number): Promise<Targets | undefined> => {
  const item = await getYearly('targets', accountId, year);
  if (item === undefined) return undefined;
  const { contractAmount, collectionAmount, quarters, split, version } = item as unknown as Targets;
  return { accountId, year, contractAmount, collectionAmount, quarters, split, version };
};

/** Access pattern: every account's targets for a year (gsi2 TARGETS#<year>), all pages — for the pay close. */
export const listTargetsByYear = async (year: number): Promise<Targets[]> =>
  (await queryAll({ TableName: tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': `TARGETS#${year}` } })).map((item) => {
    const { accountId, contractAmount, collectionAmount, quarters, split, version } = item as unknown as Targets;
    return { accountId, year, contractAmount, collectionAmount, quarters, split, version };
  });

export const putTargets = (targets: Targets, expected: number | null, ctx: AuditContext, before?: Targets) =>
  putYearly('targets', targets, expected, ctx, before);

/** Access pattern: an account's recorded revenue for a year. */
export const getRevenue = async (accountId: string, year: number): Promise<Revenue | undefined> => {
  const item = await getYearly('revenue', accountId, year);
  if (item === undefined) return undefined;
  const { annualRevenueAmount, version } = item as unknown as Revenue;
  return { accountId, year, annualRevenueAmount, version };
};

export const putRevenue = (revenue: Revenue, expected: number | null, ctx: AuditContext, before?: Revenue) =>
  putYearly('revenue', revenue, expected, ctx, before);

/** Access pattern: every account's recorded revenue in a year (gsi2 REVENUE#<year>), all pages. */
export const listRevenueByYear = async (year: number): Promise<{ accountId: string; amount: number }[]> =>
  (await queryAll({ TableName: tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': `REVENUE#${year}` } })).map((item) => ({
    accountId: item.accountId as string,
    amount: item.annualRevenueAmount as number,
  }));
