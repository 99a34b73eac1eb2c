import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Page } from '#shared/db/pagination.ts';
import { queryAll, queryPage } from '#shared/db/query.ts';
import { ConditionFailed, type TransactItem, transactWrite } from '#shared/db/transact.ts';
import { Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { DossierAccess, DossierEntry, DossierGrant } from '#shared/schemas/dossier.ts';

/*
 * Keys (see README, data model):
 *   dossier entry (current)  pk ACCOUNT#<accountId>     sk DOSSIER#<entryId>
 *   dossier entry version    pk ACCOUNT#<accountId>     sk DOSSIERV#<entryId>#<version, 8 digits>
 *   dossier grant            pk ACCOUNT#<accountId>     sk GRANT#<staffId>#<grantId>
 *   dossier access log       pk DOSSIERLOG#<accountId>  sk <at>#<id>
 * Entries live beside the account, so they stay with it whoever keeps them. Every
 * version, the current one included, is an item of its own that is written once.
 */
const accountPk = (accountId: string) => `ACCOUNT#${accountId}`;
const entrySk = (entryId: string) => `DOSSIER#${entryId}`;
// Zero-padded so that versions sort as numbers within an entry.
const versionSk = (entryId: string, version: number) => `DOSSIERV#${entryId}#${String(version).padStart(8, '0')}`;
const grantSk = (staffId: string, grantId: string) => `GRANT#${staffId}#${grantId}`;
// Ids hold no '#', so `GRANT#<staffId>#` is the prefix of exactly that person's grants.
const grantPrefix = (staffId?: string) => (staffId === undefined ? 'GRANT#' : `GRANT#${staffId}#`);
const logPk = (accountId: string) => `DOSSIERLOG#${accountId}`;

// `kind` on an item names its entity (as everywhere in the table); the entry's own kind is `entryKind`.
const entryAttributes = ({ kind, ...entry }: DossierEntry) => ({ ...entry, entryKind: kind });

const toEntry = (item: Record<string, unknown>): DossierEntry => {
  const { id, accountId, entryKind, title, content, version, createdBy, createdAt, updatedBy, updatedAt } = item as unknown as Omit<DossierEntry, 'kind'> & {
    entryKind: DossierEntry['kind'];
  };
  return { id, accountId, kind: entryKind, title, content, version, createdBy, createdAt, updatedBy, updatedAt };
};

const toGrant = (item: Record<string, unknown>): DossierGrant => {
  const { id, accountId, staffId, expiresOn, grantedBy, grantedAt } = item as unknown as DossierGrant;
  return { id, accountId, staffId, expiresOn, grantedBy, grantedAt };
};

const toAccess = (item: Record<string, unknown>): DossierAccess => {
  const { id, accountId, readerId, at, operation, basis, grantId, entries } = item as unknown as DossierAccess;
  return { id, accountId, readerId, at, operation, basis, grantId, entries };
};

const writeOnce = (Item: Record<string, unknown>): TransactItem => ({
  Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
});

const versionItem = (entry: DossierEntry) => ({ pk: accountPk(entry.accountId), sk: versionSk(entry.id, entry.version), kind: 'dossier-version', ...entryAttributes(entry) });

/**
 * The audit record names the change but leaves the content out: the content's history is
 * in the version items, which only dossier readers reach; the audit trail should not be
 * a second, unlogged copy of it.
 */
const auditOf = (entry: DossierEntry) => ({
  id: entry.id,
  accountId: entry.accountId,
  kind: entry.kind,
  title: entry.title,
  version: entry.version,
  contentLength: entry.content.length,
});

/** Access pattern: one dossier entry, current version. */
export const getEntry = async (accountId: string, entryId: string): Promise<DossierEntry | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: accountPk(accountId), sk: entrySk(entryId) } }));
  return out.Item === undefined ? undefined : toEntry(out.Item);
};

/** A new entry, its first version and its audit record, all or nothing. */
export const insertEntry = async (entry: DossierEntry, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([
      writeOnce({ pk: accountPk(entry.accountId), sk: entrySk(entry.id), kind: 'dossier-entry', ...entryAttributes(entry) }),
      writeOnce(versionItem(entry)),
      auditPut(ctx, { entity: 'dossier-entry', entityId: entry.id, action: 'create', after: auditOf(entry) }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index < 2) throw new Conflict(`Dossier entry id ${entry.id} is taken`);
    throw error;
  }
};

/**
 * Replaces the current entry if it is still at `before.version` and adds the new version
 * beside the old ones (no version is overwritten). 404 when gone, 412 when changed.
 */
export const replaceEntry = async (before: DossierEntry, after: DossierEntry, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName,
          Item: { pk: accountPk(after.accountId), sk: entrySk(after.id), kind: 'dossier-entry', ...entryAttributes(after) },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      writeOnce(versionItem(after)),
      auditPut(ctx, { entity: 'dossier-entry', entityId: after.id, action: 'update', before: auditOf(before), after: auditOf(after) }),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (error.index === 0 && error.existing === undefined) throw new NotFound(`No dossier entry ${before.id} on account ${before.accountId}`);
    if (error.index < 2) throw new PreconditionFailed();
    throw error;
  }
};

const prefixQuery = (pk: string, prefix: string): QueryCommandInput => ({
  TableName: tableName,
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
});

/** Access pattern: an account's dossier, the current version of each entry, oldest entry first. */
export const listEntries = (accountId: string, limit: number, cursor?: string): Promise<Page<DossierEntry>> =>
  // `DOSSIER#` does not prefix `DOSSIERV#`: the versions stay out of this list.
  queryPage(prefixQuery(accountPk(accountId), 'DOSSIER#'), limit, cursor, toEntry);

/** Access pattern: every version of one entry, oldest first (the last is the current one). */
export const listEntryVersions = (accountId: string, entryId: string, limit: number, cursor?: string): Promise<Page<DossierEntry>> =>
  queryPage(prefixQuery(accountPk(accountId), `DOSSIERV#${entryId}#`), limit, cursor, toEntry);

/** A new grant and its audit record. */
export const insertGrant = async (grant: DossierGrant, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([
      writeOnce({ pk: accountPk(grant.accountId), sk: grantSk(grant.staffId, grant.id), kind: 'dossier-grant', ...grant }),
      auditPut(ctx, { entity: 'dossier-grant', entityId: grant.id, action: 'create', after: grant }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new Conflict(`Dossier grant id ${grant.id} is taken`);
    throw error;
  }
};

/** Access pattern: does staff S hold a grant on account A — all of S's grants there (expired too), one keyed Query. */
export const listGrantsOfStaff = async (accountId: string, staffId: string): Promise<DossierGrant[]> =>
  (await queryAll(prefixQuery(accountPk(accountId), grantPrefix(staffId)))).map(toGrant);

/** Access pattern: an account's dossier grants, by person then grant (oldest first); optionally one person's. */
export const listGrants = (accountId: string, limit: number, cursor?: string, staffId?: string): Promise<Page<DossierGrant>> =>
  queryPage(prefixQuery(accountPk(accountId), grantPrefix(staffId)), limit, cursor, toGrant);

/**
 * Logs a read, with its audit record, before the reply leaves: if this write fails, so
 * does the read, so no read goes unlogged.
 */
export const appendAccessLog = async (access: DossierAccess, ctx: AuditContext): Promise<void> => {
  await transactWrite([
    writeOnce({ pk: logPk(access.accountId), sk: `${access.at}#${access.id}`, kind: 'dossier-access', ...access }),
    auditPut(ctx, { entity: 'dossier-access', entityId: access.accountId, action: 'read', after: { id: access.id, operation: access.operation } }),
  ]);
};

/** Access pattern: an account's dossier access log, newest first. */
export const listAccessLog = (accountId: string, limit: number, cursor?: string): Promise<Page<DossierAccess>> =>
  queryPage(
    { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': logPk(accountId) }, ScanIndexForward: false },
    limit,
    cursor,
    toAccess,
  );
