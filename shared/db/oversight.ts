import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Page } from '#shared/db/pagination.ts';
import { queryPage } from '#shared/db/query.ts';
import { ConditionFailed, type TransactItem, transactWrite } from '#shared/db/transact.ts';
import { alreadyAcknowledged } from '#shared/domain/oversight.ts';
import { Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { MajorMatter, MatterStatus, SpotCheck } from '#shared/schemas/oversight.ts';

/*
 * Keys (see README, data model):
 *   spot check     pk SPOTCHECK#<id>   sk PROFILE
 *                  gsi1 ACCOUNT#<accountId>#SPOTCHECKS / <checkedOn>#<id>   (an account's spot checks, newest first)
 *   major matter   pk MATTER#<id>      sk PROFILE
 *                  gsi1 ACCOUNT#<accountId>#MATTERS / <reportedAt>#<id>     (an account's reports, newest first)
 *                  gsi2 MATTERS#<status> / <reportedAt>#<id>                (reports by status, newest first)
 * Follow-ups live inside their spot check: they are few, read with it and changed one at a time.
 */
const PROFILE = 'PROFILE';
const spotCheckPk = (id: string) => `SPOTCHECK#${id}`;
const accountChecksPk = (accountId: string) => `ACCOUNT#${accountId}#SPOTCHECKS`;
const matterPk = (id: string) => `MATTER#${id}`;
const accountMattersPk = (accountId: string) => `ACCOUNT#${accountId}#MATTERS`;
const statusPk = (status: MatterStatus) => `MATTERS#${status}`;

const toSpotCheck = (item: Record<string, unknown>): SpotCheck => {
  const { id, accountId, checkedBy, checkedOn, scope, findings, rating, followUps, version } = item as unknown as SpotCheck;
  return { id, accountId, checkedBy, checkedOn, scope, findings, rating, followUps, version };
};

const spotCheckItem = (check: SpotCheck) => ({
  pk: spotCheckPk(check.id),
  sk: PROFILE,
  gsi1pk: accountChecksPk(check.accountId),
  gsi1sk: `${check.checkedOn}#${check.id}`,
  kind: 'spot-check',
  ...check,
});

const toMajorMatter = (item: Record<string, unknown>): MajorMatter => {
  const {
    id, accountId, reportedBy, reportedByDepartment, reportedAt, occurredOn, category, summary, details, status, acknowledgedBy, acknowledgedAt, response, version,
  } = item as unknown as MajorMatter;
  return { id, accountId, reportedBy, reportedByDepartment, reportedAt, occurredOn, category, summary, details, status, acknowledgedBy, acknowledgedAt, response, version };
};

const matterItem = (matter: MajorMatter) => ({
  pk: matterPk(matter.id),
  sk: PROFILE,
  gsi1pk: accountMattersPk(matter.accountId),
  gsi1sk: `${matter.reportedAt}#${matter.id}`,
  // The status partition moves on acknowledgement, so the unacknowledged list holds only what is still waiting.
  gsi2pk: statusPk(matter.status),
  gsi2sk: `${matter.reportedAt}#${matter.id}`,
  kind: 'major-matter',
  ...matter,
});

const putNew = (item: Record<string, unknown>): TransactItem => ({
  Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** Bounds the reads a filtered page may take; a short page still carries its cursor. */

/** One page, newest first. */
const newestFirst = <T>(input: QueryCommandInput, toItem: (item: Record<string, unknown>) => T, limit: number, cursor: string | undefined): Promise<Page<T>> =>
  queryPage({ ...input, ScanIndexForward: false }, limit, cursor, toItem);

/* ---------- spot checks ---------- */

/** Access pattern: a spot check by id. */
export const getSpotCheckById = async (id: string): Promise<SpotCheck | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: spotCheckPk(id), sk: PROFILE } }));
  return out.Item === undefined ? undefined : toSpotCheck(out.Item);
};

/** A new spot check and its audit record, all or nothing. */
export const insertSpotCheck = async (check: SpotCheck, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([putNew(spotCheckItem(check)), auditPut(ctx, { entity: 'spot-check', entityId: check.id, action: 'create', after: check })]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new Conflict(`Spot check id ${check.id} is taken`);
    throw error;
  }
};

/**
 * Writes a changed spot check if it is still at the version read: 404 when gone, 412 when
 * someone changed it first (the use case re-reads and tries again).
 */
export const replaceSpotCheck = async (before: SpotCheck, after: SpotCheck, action: string, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName,
          Item: spotCheckItem(after),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      auditPut(ctx, { entity: 'spot-check', entityId: after.id, action, before, after }),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailed) || error.index !== 0) throw error;
    if (error.existing === undefined) throw new NotFound(`No spot check ${before.id}`);
    throw new PreconditionFailed();
  }
};

/** Access pattern: an account's spot checks, newest check day first (gsi1 `ACCOUNT#<id>#SPOTCHECKS`). */
export const listSpotChecksByAccount = (accountId: string, limit: number, cursor?: string): Promise<Page<SpotCheck>> =>
  newestFirst(
    { TableName: tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': accountChecksPk(accountId) } },
    toSpotCheck,
    limit,
    cursor,
  );

/* ---------- major matters ---------- */

/** Access pattern: a major-matter report by id. */
export const getMajorMatterById = async (id: string): Promise<MajorMatter | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: matterPk(id), sk: PROFILE } }));
  return out.Item === undefined ? undefined : toMajorMatter(out.Item);
};

/** A new report and its audit record, all or nothing. */
export const insertMajorMatter = async (matter: MajorMatter, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([putNew(matterItem(matter)), auditPut(ctx, { entity: 'major-matter', entityId: matter.id, action: 'create', after: matter })]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new Conflict(`Major matter id ${matter.id} is taken`);
    throw error;
  }
};

/**
 * Writes the acknowledgement on condition that the report is still unacknowledged at the
 * version read, so of racing acknowledgements exactly one lands; the others get 409.
 */
export const recordAcknowledgement = async (before: MajorMatter, after: MajorMatter, ctx: AuditContext): Promise<void> => {
  const put: TransactItem = {
    Put: {
      TableName: tableName,
      Item: matterItem(after),
      ConditionExpression: '#status = :waiting AND version = :expected',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':waiting': 'unacknowledged', ':expected': before.version },
    },
  };
  try {
    await transactWrite([put, auditPut(ctx, { entity: 'major-matter', entityId: after.id, action: 'acknowledge', before, after })]);
  } catch (error) {
    if (!(error instanceof ConditionFailed) || error.index !== 0) throw error;
    if (error.existing === undefined) throw new NotFound(`No major matter ${before.id}`);
    if (error.existing.status !== 'unacknowledged') throw alreadyAcknowledged(before);
    throw new Conflict(`Major matter ${before.id} changed while it was being acknowledged; read it again`, 'concurrent-change');
  }
};

/** Access pattern: reports of one status, newest first (gsi2 `MATTERS#<status>`). */
export const listMajorMattersByStatus = (status: MatterStatus, limit: number, cursor?: string): Promise<Page<MajorMatter>> =>
  newestFirst(
    { TableName: tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': statusPk(status) } },
    toMajorMatter,
    limit,
    cursor,
  );

export interface AccountMatterFilter {
  accountId: string;
  status?: MatterStatus;
  /** Only the reports this person filed. */
  reportedBy?: string;
  limit: number;
  cursor?: string;
}

/** Access pattern: an account's reports, newest first (gsi1 `ACCOUNT#<id>#MATTERS`), by status or reporter. */
export const listMajorMattersByAccount = (filter: AccountMatterFilter): Promise<Page<MajorMatter>> => {
  const conditions = [...(filter.status === undefined ? [] : ['#status = :status']), ...(filter.reportedBy === undefined ? [] : ['reportedBy = :me'])];
  return newestFirst(
    {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: {
        ':pk': accountMattersPk(filter.accountId),
        ...(filter.status === undefined ? {} : { ':status': filter.status }),
        ...(filter.reportedBy === undefined ? {} : { ':me': filter.reportedBy }),
      },
      ...(filter.status === undefined ? {} : { ExpressionAttributeNames: { '#status': 'status' } }),
      ...(conditions.length === 0 ? {} : { FilterExpression: conditions.join(' AND ') }),
    },
    toMajorMatter,
    filter.limit,
    filter.cursor,
  );
};
