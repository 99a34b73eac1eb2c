import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { db, tableName } from '#shared/db/client.ts';
import type { Page } from '#shared/db/pagination.ts';
import { queryPage } from '#shared/db/query.ts';
import { ConditionFailed, type TransactItem, transactWrite } from '#shared/db/transact.ts';
import { alreadyDecided } from '#shared/domain/disputes.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import type { Dispute, DisputeStatus } from '#shared/schemas/disputes.ts';

/*
 * Keys (see README, data model):
 *   dispute   pk DISPUTE#<id>   sk PROFILE
 *             gsi2 DISPUTES#<status> / <filedAt>#<id>               (disputes by status, newest first)
 *             gsi3 ACCOUNT#<accountId>#DISPUTES / <filedAt>#<id>    (an account's disputes, newest first)
 */
const disputePk = (id: string) => `DISPUTE#${id}`;
const PROFILE = 'PROFILE';
const statusPk = (status: DisputeStatus) => `DISPUTES#${status}`;
const accountPk = (accountId: string) => `ACCOUNT#${accountId}#DISPUTES`;
const newestKey = (dispute: Dispute) => `${dispute.filedAt}#${dispute.id}`;

const fromItem = (item: Record<string, unknown>): Dispute => {
  const { id, accountId, opportunityId, filedBy, filedByDepartment, againstDepartment, subject, description, status, filedAt, decision, version } =
    item as unknown as Dispute;
  return { id, accountId, opportunityId, filedBy, filedByDepartment, againstDepartment, subject, description, status, filedAt, decision, version };
};

const disputeItem = (dispute: Dispute) => ({
  pk: disputePk(dispute.id),
  sk: PROFILE,
  // The status partition moves on decision, so the open list never holds a decided dispute.
  gsi2pk: statusPk(dispute.status),
  gsi2sk: newestKey(dispute),
  gsi3pk: accountPk(dispute.accountId),
  gsi3sk: newestKey(dispute),
  kind: 'dispute',
  ...dispute,
});

/** Access pattern: a dispute by id. */
export const getDisputeById = async (id: string): Promise<Dispute | undefined> => {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: disputePk(id), sk: PROFILE } }));
  return out.Item === undefined ? undefined : fromItem(out.Item);
};

/** A new dispute and its audit record, all or nothing. */
export const insertDispute = async (dispute: Dispute, ctx: AuditContext): Promise<void> => {
  try {
    await transactWrite([
      { Put: { TableName: tableName, Item: disputeItem(dispute), ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(ctx, { entity: 'dispute', entityId: dispute.id, action: 'create', after: dispute }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new Conflict(`Dispute id ${dispute.id} is taken`);
    throw error;
  }
};

/**
 * Writes the decision on condition that the dispute is still open at the version read, so
 * of racing decisions exactly one lands; the others get 409 (404 if the dispute is gone).
 */
export const recordDecision = async (before: Dispute, after: Dispute, ctx: AuditContext): Promise<void> => {
  const put: TransactItem = {
    Put: {
      TableName: tableName,
      Item: disputeItem(after),
      ConditionExpression: '#status = :open AND version = :expected',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open', ':expected': before.version },
    },
  };
  try {
    await transactWrite([put, auditPut(ctx, { entity: 'dispute', entityId: after.id, action: 'decide', before, after })]);
  } catch (error) {
    if (!(error instanceof ConditionFailed) || error.index !== 0) throw error;
    if (error.existing === undefined) throw new NotFound(`No dispute ${before.id}`);
    if (error.existing.status !== 'open') throw alreadyDecided(before);
    throw new Conflict(`Dispute ${before.id} changed while it was being decided; read it again`, 'concurrent-change');
  }
};

/** Bounds the reads a filtered page may take; a short page still carries its cursor. */

/** One page, newest first. */
const newestFirst = (input: QueryCommandInput, limit: number, cursor: string | undefined): Promise<Page<Dispute>> =>
  queryPage({ ...input, ScanIndexForward: false }, limit, cursor, fromItem);

/** Access pattern: disputes of one status, newest first (gsi2 `DISPUTES#<status>`). */
export const listDisputesByStatus = (status: DisputeStatus, limit: number, cursor?: string): Promise<Page<Dispute>> =>
  newestFirst(
    { TableName: tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': statusPk(status) } },
    limit,
    cursor,
  );

export interface AccountDisputeFilter {
  accountId: string;
  status?: DisputeStatus;
  /** Only disputes this person filed, or their department filed or is named against. */
  partyOf?: { staffId: string; department: string };
  limit: number;
  cursor?: string;
}

/** Access pattern: an account's disputes, newest first (gsi3 `ACCOUNT#<id>#DISPUTES`), by status or party. */
export const listDisputesByAccount = (filter: AccountDisputeFilter): Promise<Page<Dispute>> => {
  const conditions = [
    ...(filter.status === undefined ? [] : ['#status = :status']),
    ...(filter.partyOf === undefined ? [] : ['(filedBy = :me OR filedByDepartment = :department OR againstDepartment = :department)']),
  ];
  return newestFirst(
    {
      TableName: tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: {
        ':pk': accountPk(filter.accountId),
        ...(filter.status === undefined ? {} : { ':status': filter.status }),
        ...(filter.partyOf === undefined ? {} : { ':me': filter.partyOf.staffId, ':department': filter.partyOf.department }),
      },
      ...(filter.status === undefined ? {} : { ExpressionAttributeNames: { '#status': 'status' } }),
      ...(conditions.length === 0 ? {} : { FilterExpression: conditions.join(' AND ') }),
    },
    filter.limit,
    filter.cursor,
  );
};
