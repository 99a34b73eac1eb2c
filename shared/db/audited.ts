import type * as z from 'zod/mini';
import { type AuditContext, auditPut } from '#shared/db/audit.ts';
import { type Declaration, type Write, commit, goneOrChanged, moveFrom, put } from '#shared/db/entity.ts';
import type { TransactItem } from '#shared/db/transact.ts';
import { PreconditionFailed } from '#shared/errors.ts';
import type { Message } from '#shared/messages/index.ts';

/*
 * A change and its audit entry, all or nothing: the three shapes every entity module writes.
 * The trail names the record by its declaration (`audit`, else its kind and `id`), and the
 * entry goes last, after the record and any companions written with it.
 */

type Entity<S extends z.core.$ZodType> = Declaration<S, string>;
type Versioned<S extends z.core.$ZodType> = z.infer<S> & { version: number };
type Fields = Record<string, unknown>;

export interface Audited {
  ctx: AuditContext;
  action: string;
  /** Written in the same transaction, between the record and its audit entry. */
  also?: readonly (Write | TransactItem)[];
  /** What the trail keeps, where not the records themselves (e.g. without confidential text). */
  trail?: { before?: unknown; after?: unknown };
}

/** The audit entry of a change to a record of `e`. */
export const auditEntry = <S extends z.core.$ZodType>(e: Entity<S>, record: z.infer<S>, change: Audited, before: unknown, after: unknown) =>
  auditPut(change.ctx, {
    entity: e.audit?.entity ?? e.kind,
    entityId: e.audit?.id?.(record) ?? String((record as Fields).id),
    action: change.action,
    ...(before === undefined ? {} : { before }),
    after,
  });

/** A new record with its audit entry; `taken` is the error when one with its key exists. */
export const insertAudited = <S extends z.core.$ZodType>(e: Entity<S>, record: z.infer<S>, change: Audited, taken?: (existing: Fields | undefined) => Error) =>
  commit([
    put(e, record, 'new', taken === undefined ? {} : { onFail: taken }),
    ...(change.also ?? []),
    auditEntry(e, record, change, change.trail?.before, change.trail?.after ?? record),
  ]);

/**
 * A replace at the version read with its audit entry. A failed check is 404 when the record
 * is gone (`what` names it, or `gone` is the error) and 412 when it changed; or `onFail`'s own.
 */
export const replaceAudited = <S extends z.core.$ZodType>(
  e: Entity<S>,
  before: Versioned<S>,
  after: z.infer<S>,
  change: Audited & ({ what: Message } | { gone: () => Error } | { onFail: (existing: Fields | undefined) => Error }),
) =>
  commit([
    put(e, after, before.version, { onFail: failure(change) }),
    ...(change.also ?? []),
    auditEntry(e, after, change, change.trail?.before ?? before, change.trail?.after ?? after),
  ]);

const failure = (change: { what: Message } | { gone: () => Error } | { onFail: (existing: Fields | undefined) => Error }) => {
  if ('what' in change) return goneOrChanged(change.what);
  if ('onFail' in change) return change.onFail;
  const { gone } = change;
  return (existing: Fields | undefined) => (existing === undefined ? gone() : new PreconditionFailed());
};

/** A status move that lands once (entity.ts `moveFrom`) with its audit entry. */
export const moveAudited = <S extends z.core.$ZodType>(
  e: Entity<S>,
  before: Versioned<S>,
  after: z.infer<S>,
  from: string,
  errors: Parameters<typeof moveFrom<S>>[4],
  change: Audited,
) => commit([moveFrom(e, before, after, from, errors), ...(change.also ?? []), auditEntry(e, after, change, change.trail?.before ?? before, change.trail?.after ?? after)]);

/**
 * A record created (`expected` null: it must not exist) or replaced at the version read, with
 * its audit entry (`create` or `update`); a failed check is 412 unless `onFail` says otherwise.
 */
export const upsertAudited = <S extends z.core.$ZodType>(
  e: Entity<S>,
  record: z.infer<S>,
  expected: number | null,
  change: Omit<Audited, 'action'> & { before: unknown; onFail?: (existing: Fields | undefined) => Error },
) =>
  commit([
    put(e, record, expected ?? 'new', { onFail: change.onFail ?? (() => new PreconditionFailed()) }),
    ...(change.also ?? []),
    auditEntry(e, record, { ...change, action: expected === null ? 'create' : 'update' }, change.before, record),
  ]);
