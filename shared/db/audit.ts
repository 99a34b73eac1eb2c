import { ulid } from 'ulid';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { db, tableName } from '#shared/db/client.ts';
import { auditTarget, commit, type Declaration, type Failures, goneOr, type Moves, moveFrom, put, type Write } from '#shared/db/entity.ts';
import type { TransactItem } from '#shared/db/transact.ts';
import { PreconditionFailed } from '#shared/errors.ts';

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

type Entity<S extends z.core.$ZodType> = Declaration<S, string>;
type Versioned<S extends z.core.$ZodType> = z.infer<S> & { version: number };
type Alongside = readonly (Write | TransactItem)[];

/** What the trail keeps of a change: by default the record as it is after it. */
export interface Seen {
  before?: unknown;
  after?: unknown;
}

/** The audit record of a change to a declared record, in the trail of its declaration's `audit` (its own by default). */
export const audit = <S extends z.core.$ZodType>(e: Entity<S>, ctx: AuditContext, action: string, record: z.infer<S>, seen: Seen = { after: record }) =>
  auditPut(ctx, { ...auditTarget(e, record), action, ...seen });

/** A new record and its audit record (`create`), after `first` and with `alongside`, all or nothing; `taken` is the error for a key already taken. */
export const insertAudited = <S extends z.core.$ZodType>(
  e: Entity<S>,
  record: z.infer<S>,
  ctx: AuditContext,
  options: { taken?: () => Error; action?: string; seen?: Seen; first?: Alongside; alongside?: Alongside } = {},
) =>
  commit([
    ...(options.first ?? []),
    put(e, record, 'new', options.taken === undefined ? {} : { onFail: options.taken }),
    ...(options.alongside ?? []),
    audit(e, ctx, options.action ?? 'create', record, options.seen),
  ]);

/** Replaces a record still at `before.version`, with its audit record and `alongside`, all or nothing. */
export const replaceAudited = <S extends z.core.$ZodType>(
  e: Entity<S>,
  before: Versioned<S>,
  after: z.infer<S>,
  action: string,
  ctx: AuditContext,
  failures: Failures,
  options: { seen?: Seen; alongside?: Alongside } = {},
) => commit([put(e, after, before.version, { onFail: goneOr(failures) }), ...(options.alongside ?? []), audit(e, ctx, action, after, options.seen ?? { before, after })]);

/** A status change from `from` that lands once (`moveFrom`), with its audit record, all or nothing. */
export const moveAudited = <S extends z.core.$ZodType>(
  e: Entity<S>,
  before: Versioned<S>,
  after: z.infer<S>,
  from: string,
  action: string,
  ctx: AuditContext,
  moves: Moves,
  first: Alongside = [],
) => commit([...first, moveFrom(e, before, after, from, moves), audit(e, ctx, action, after, { before, after })]);

/**
 * Writes a record as new (`expected` null) or over the version read, with its audit
 * record (`create` or `update`) and `alongside`; 412 when its condition fails.
 */
export const putAudited = <S extends z.core.$ZodType>(e: Entity<S>, record: z.infer<S>, expected: number | null, ctx: AuditContext, before?: unknown, alongside: Alongside = []) =>
  commit([
    put(e, record, expected ?? 'new', { onFail: () => new PreconditionFailed() }),
    audit(e, ctx, expected === null ? 'create' : 'update', record, { before, after: record }),
    ...alongside,
  ]);

/** Access pattern: the audit trail of one object, oldest first. */
export const listAuditTrail = async (entity: string, entityId: string) => {
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditKey(entity, entityId) },
    }),
  );
  return out.Items ?? [];
};
