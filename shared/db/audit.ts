import { ulid } from 'ulid';
import { tableName } from '#shared/db/client.ts';
import { queryAll } from '#shared/db/query.ts';

/** Who made a change, and in which request. Every write carries one. */
export interface AuditContext {
  actorId: string;
  requestId: string;
  /** ISO timestamp of the request. */
  at: string;
}

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

const auditKey = (entity: string, entityId: string) => `AUDIT#${entity}#${entityId}`;

/** The audit record of a change, as a transaction item to write with the change itself. */
export const auditPut = (ctx: AuditContext, entry: AuditEntry) => ({
  Put: {
    TableName: tableName,
    Item: {
      pk: auditKey(entry.entity, entry.entityId),
      sk: `${ctx.at}#${ulid()}`,
      kind: 'audit',
      ...entry,
      actorId: ctx.actorId,
      requestId: ctx.requestId,
      at: ctx.at,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export { auditKey };

/** Access pattern: the audit trail of one object, oldest first. */
export const listAuditTrail = (entity: string, entityId: string) =>
  queryAll({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': auditKey(entity, entityId) } });
