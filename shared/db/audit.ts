import { ulid } from 'ulid';
import type * as z from 'zod/mini';
import { tableName } from '#shared/db/client.ts';
import { auditTarget, commit, type Declaration, type Failures, goneOr, type Moves, moveFrom, put, type Write } from '#shared/db/entity.ts';
import { queryAll } from '#shared/db/query.ts';
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

/** What commits with a change: `first` before it, `alongside` after it; `seen`, what the trail keeps of it. */
export interface Along {
  first?: readonly (Write | TransactItem)[];
  alongside?: readonly (Write | TransactItem)[];
  seen?: { before?: unknown; after?: unknown };
}

/** The audit record of a change to a declared record, in the trail of its declaration's `audit` (its own by default). */
export const audit = <S extends z.core.$ZodType>(e: Entity<S>, ctx: AuditContext, action: string, record: z.infer<S>, seen: Along['seen'] = { after: record }) =>
  auditPut(ctx, { ...auditTarget(e, record), action, ...seen });

const audited = <S extends z.core.$ZodType>(e: Entity<S>, write: Write, ctx: AuditContext, action: string, record: z.infer<S>, along: Along, seen: Along['seen']) =>
  commit([...(along.first ?? []), write, ...(along.alongside ?? []), audit(e, ctx, action, record, along.seen ?? seen)]);

/** A new record and its audit record (`create` unless told), all or nothing; `taken` is the error for a key already taken. */
export const insertAudited = <S extends z.core.$ZodType>(e: Entity<S>, record: z.infer<S>, ctx: AuditContext, options: Along & { taken?: () => Error; action?: string } = {}) =>
  audited(e, put(e, record, 'new', options.taken === undefined ? {} : { onFail: options.taken }), ctx, options.action ?? 'create', record, options, { after: record });

type Versioned<S extends z.core.$ZodType> = z.infer<S> & { version: number };

/** Replaces a record still at `before.version` with its audit record, all or nothing: `gone` when it is no more, else `changed` (412 by default). */
export const replaceAudited = <S extends z.core.$ZodType>(e: Entity<S>, before: Versioned<S>, after: z.infer<S>, action: string, ctx: AuditContext, failures: Failures, options: Along = {}) =>
  audited(e, put(e, after, before.version, { onFail: goneOr(failures) }), ctx, action, after, options, { before, after });

/** A status change out of `from` that lands once (`moveFrom`), with its audit record, all or nothing. */
export const moveAudited = <S extends z.core.$ZodType>(e: Entity<S>, before: Versioned<S>, after: z.infer<S>, from: string, action: string, ctx: AuditContext, moves: Moves, options: Along = {}) =>
  audited(e, moveFrom(e, before, after, from, moves), ctx, action, after, options, { before, after });

/** A record written as new (`expected` null) or over the version read, with its audit record (`create`, `update`); 412 when its condition fails. */
export const putAudited = <S extends z.core.$ZodType>(e: Entity<S>, record: z.infer<S>, expected: number | null, ctx: AuditContext, before?: unknown, alongside: Along['alongside'] = []) =>
  audited(e, put(e, record, expected ?? 'new', { onFail: () => new PreconditionFailed() }), ctx, expected === null ? 'create' : 'update', record, { alongside }, { before, after: record });

/** Access pattern: the audit trail of one object, oldest first. */
export const listAuditTrail = (entity: string, entityId: string) =>
  queryAll({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': auditKey(entity, entityId) } });
