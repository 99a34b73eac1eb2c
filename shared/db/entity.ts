import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { db, tableName } from '#shared/db/client.ts';
import { requestReads } from '#shared/db/request-reads.ts';
import type { Page } from '#shared/db/pagination.ts';
import { type Condition, equals, queryAll, queryPage } from '#shared/db/query.ts';
import { ConditionFailed, type TransactItem, transactWrite } from '#shared/db/transact.ts';
import { NotFound, PreconditionFailed } from '#shared/errors.ts';
import { type GlobalIndexName, tableDefinition } from '#shared/table.ts';
import { type Message, msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * One way to declare an entity of the single table: its kind, schema, key templates and
 * named access patterns. Key templates are strings with `<field>` holes filled from the
 * record (and its `derive`d key fields), so the README's tables are generated from the
 * very templates that build the keys (`npm run docs:data`).
 */

type Fields = Record<string, unknown>;
export interface IndexKeys {
  pk: string;
  sk: string;
  /** A sparse index: the item is in it only while this holds. */
  when?: (record: Fields) => boolean;
  note?: string;
}

export interface Pattern {
  /** The question the pattern answers (README's access-pattern table). */
  doc: string;
  index?: GlobalIndexName;
  /** Partition template, filled from the query's parameters; by default the index's (or the table's) own. */
  pk?: string;
  /** Sort-key prefix template (begins_with, or the prefix of a range). */
  sk?: string;
  newestFirst?: boolean;
}

export interface Declaration<S extends z.core.$ZodType, P extends string> {
  kind: string;
  /** Name in the README's key table. */
  label: string;
  schema: S;
  keys: { pk: string; sk: string } & Partial<Record<GlobalIndexName, IndexKeys>>;
  /** A `version` attribute that each replace checks (`version = :expected`) in DynamoDB. */
  versioned?: boolean;
  /** Each version kept as an item of its own, written once. */
  history?: { kind: string; pk?: string; sk: string };
  /** Values only keys use (a status bucket, a year taken from a date). */
  derive?: (record: z.infer<S>) => Fields;
  /** Where the stored shape differs from the schema's. */
  stored?: { write: (record: z.infer<S>) => Fields; read: (item: Fields) => Fields };
  patterns?: Record<P, Pattern>;
  /** How the audit trail names a record (shared/db/audited.ts): by default its kind and `id`. */
  audit?: { entity?: string; id?: (record: z.infer<S>) => string };
}

/** Zero-padded so that version items sort as numbers; wide enough for any count of versions. */
export const versionWidth = 8;
export const paddedVersion = (version: number) => String(version).padStart(versionWidth, '0');

const fill = (template: string, values: Fields): string =>
  template.replace(/<([A-Za-z]+)>/g, (_hole, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`Key template ${template} needs ${name}`);
    return String(value);
  });

/** A transaction item with the error its own failed condition means (matched by its place in the list). */
export interface Write {
  item: TransactItem;
  onFail?: (existing: Fields | undefined) => Error;
}

/**
 * Writes all or none. A failed condition is found by the cancellation reason's index,
 * which is the index of the write in this list, and turned into that write's own error.
 */
export const commit = async (writes: readonly (Write | TransactItem)[]): Promise<void> => {
  const list = writes.map((w): Write => ('item' in w ? w : { item: w }));
  try {
    await transactWrite(list.map((w) => w.item));
  } catch (error) {
    if (error instanceof ConditionFailed) {
      const onFail = list[error.index]?.onFail;
      if (onFail !== undefined) throw onFail(error.existing);
    }
    throw error;
  }
};

/** The usual failed version check: 404 when the record is gone, 412 when someone changed it first. */
export const goneOrChanged =
  (what: Message) =>
  (existing: Fields | undefined): Error =>
    existing === undefined ? new NotFound(msg(M.notFound_thing, { what })) : new PreconditionFailed();

export type Expected = number | 'new';
export interface PutOptions {
  /** Key holes the record itself does not fill. */
  keys?: Fields;
  /** More to check with the version, e.g. `#status = :open`. */
  condition?: Condition;
  onFail?: (existing: Fields | undefined) => Error;
}

export type Range = { from: string; to: string } | { before: string } | { upTo: string };
export interface QueryOptions {
  range?: Range;
  filter?: Condition | undefined;
  newestFirst?: boolean;
}

/** The partition template a pattern queries: its own, else that of the index (or table) it reads. */
export const patternPk = (e: Pick<EntityDoc, 'kind' | 'keys'>, pattern: Pattern): string => {
  const pk = pattern.pk ?? (pattern.index === undefined ? e.keys.pk : e.keys[pattern.index]?.pk);
  if (pk === undefined) throw new Error(`${e.kind}: a pattern on ${pattern.index ?? 'the table'} needs its pk`);
  return pk;
};

/** Declares an entity; the operations below take the declaration (free functions, so a route bundles only those it calls). */
export const defineEntity = <S extends z.core.$ZodType, P extends string = never>(decl: Declaration<S, P>): Declaration<S, P> => decl;

type Record_<S extends z.core.$ZodType> = z.infer<S>;
type AnyEntity<S extends z.core.$ZodType> = Declaration<S, string>;

const keyValues = <S extends z.core.$ZodType>(e: AnyEntity<S>, record: Record_<S>, extra: Fields = {}): Fields => ({ ...(record as Fields), ...e.derive?.(record), ...extra });
const attributes = <S extends z.core.$ZodType>(e: AnyEntity<S>, record: Record_<S>): Fields => (e.stored === undefined ? (record as Fields) : e.stored.write(record));

/** The table key of the record these values name. */
export const key = <S extends z.core.$ZodType>(e: AnyEntity<S>, values: Fields) => ({ pk: fill(e.keys.pk, values), sk: fill(e.keys.sk, values) });

/** A stored item as the record its schema describes. */
export const parse = <S extends z.core.$ZodType>(e: AnyEntity<S>, item: Fields): Record_<S> => {
  // Keys are the table's, not the record's; `kind` too, unless it is a field of the record's own.
  const { pk: _pk, sk: _sk, gsi1pk: _1p, gsi1sk: _1s, gsi2pk: _2p, gsi2sk: _2s, gsi3pk: _3p, gsi3sk: _3s, gsi4pk: _4p, gsi4sk: _4s, ...rest } = item;
  const { kind, ...fields } = rest;
  const record = kind === e.kind || kind === e.history?.kind ? fields : rest;
  return z.parse(e.schema, e.stored === undefined ? record : e.stored.read(record));
};

/** The whole stored item: keys, index keys, kind and attributes; `extra` fills key holes only. */
export const item = <S extends z.core.$ZodType>(e: AnyEntity<S>, record: Record_<S>, extra: Fields = {}): Fields => {
  const values = keyValues(e, record, extra);
  const indexKeys: Fields = {};
  for (const { name: index } of tableDefinition.globalIndexes) {
    const spec = e.keys[index];
    if (spec === undefined || (spec.when !== undefined && !spec.when(values))) continue;
    indexKeys[`${index}pk`] = fill(spec.pk, values);
    indexKeys[`${index}sk`] = fill(spec.sk, values);
  }
  return { ...key(e, values), ...indexKeys, kind: e.kind, ...attributes(e, record) };
};

/** A conditional put: `'new'` must not exist yet; a version must still be the one read (checked by DynamoDB). */
export const put = <S extends z.core.$ZodType>(e: AnyEntity<S>, record: Record_<S>, expected: Expected, options: PutOptions = {}): Write => {
  const extra = options.condition;
  const condition =
    expected === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: extra === undefined ? 'version = :expected' : `${extra.expression} AND version = :expected`,
          ExpressionAttributeValues: { ...extra?.values, ':expected': expected },
          ...(extra?.names === undefined ? {} : { ExpressionAttributeNames: extra.names }),
        };
  return { item: { Put: { TableName: tableName, Item: item(e, record, options.keys), ...condition } }, ...(options.onFail === undefined ? {} : { onFail: options.onFail }) };
};

/**
 * A status change that lands once: the record still has status `from` at the version read.
 * When it fails: `gone` if the record is no more, `moved` if its status changed, else
 * `changed` (same status, newer version; `moved` when not given).
 */
export const moveFrom = <S extends z.core.$ZodType>(
  e: AnyEntity<S>,
  before: Record_<S> & { version: number },
  after: Record_<S>,
  from: string,
  errors: { gone: () => Error; moved: (existing: Fields) => Error; changed?: () => Error },
): Write =>
  put(e, after, before.version, {
    condition: equals('status', from),
    onFail: (old) => (old === undefined ? errors.gone() : old.status !== from || errors.changed === undefined ? errors.moved(old) : errors.changed()),
  });

const conditionOf = (c: Condition | undefined) =>
  c === undefined
    ? {}
    : { ConditionExpression: c.expression, ...(c.names === undefined ? {} : { ExpressionAttributeNames: c.names }), ...(c.values === undefined ? {} : { ExpressionAttributeValues: c.values }) };

/** A delete by key, on `condition` when given. */
export const remove = <S extends z.core.$ZodType>(e: AnyEntity<S>, values: Fields, condition?: Condition): TransactItem => ({
  Delete: { TableName: tableName, Key: key(e, values), ...conditionOf(condition) },
});

/** An update by key (`set` is its UpdateExpression), on `condition`, which also carries the names and values `set` uses. */
export const update = <S extends z.core.$ZodType>(e: AnyEntity<S>, values: Fields, set: string, condition: Condition): TransactItem => ({
  Update: { TableName: tableName, Key: key(e, values), UpdateExpression: set, ...conditionOf(condition) },
});

/** An unconditional put (copies, logs keyed by content: a re-write is the same item). */
export const overwrite = <S extends z.core.$ZodType>(e: AnyEntity<S>, record: Record_<S>, extra: Fields = {}): TransactItem => ({ Put: { TableName: tableName, Item: item(e, record, extra) } });

/** The version item of a record with history. */
export const historyItem = <S extends z.core.$ZodType>(e: AnyEntity<S>, record: Record_<S>): Fields => {
  if (e.history === undefined) throw new Error(`${e.kind} keeps no history`);
  const values = keyValues(e, record);
  if (typeof values.version !== 'number') throw new Error(`${e.kind} history needs a version`);
  values.version = paddedVersion(values.version);
  return { pk: fill(e.history.pk ?? e.keys.pk, values), sk: fill(e.history.sk, values), kind: e.history.kind, ...attributes(e, record) };
};

/** The version item, written once. */
export const historyPut = <S extends z.core.$ZodType>(e: AnyEntity<S>, record: Record_<S>): Write => ({
  item: { Put: { TableName: tableName, Item: historyItem(e, record), ConditionExpression: 'attribute_not_exists(pk)' } },
});


/** One record by its key, parsed by the schema. */
export const get = async <S extends z.core.$ZodType>(e: AnyEntity<S>, values: Fields): Promise<Record_<S> | undefined> => {
  const k = key(e, values);
  const id = `${k.pk}\u0000${k.sk}`;
  const scope = requestReads.getStore();
  let read = scope?.reads.get(id);
  if (read === undefined) {
    read = db.send(new GetCommand({ TableName: tableName, Key: k })).then((out) => out.Item as Fields | undefined);
    if (scope !== undefined) {
      const { reads } = scope;
      reads.set(id, read);
      void read.then(() => scope.keepSettled || reads.delete(id), () => reads.delete(id));
    }
  }
  const item = await read;
  return item === undefined ? undefined : parse(e, item);
};

/** The Query of a named access pattern. */
export const queryInput = <S extends z.core.$ZodType, P extends string>(e: Declaration<S, P>, pattern: P, params: Fields, options: QueryOptions = {}): QueryCommandInput => {
  const spec = (e.patterns as Record<P, Pattern>)[pattern];
  const pkName = spec.index === undefined ? 'pk' : `${spec.index}pk`;
  const skName = spec.index === undefined ? 'sk' : `${spec.index}sk`;
  const prefix = spec.sk === undefined ? '' : fill(spec.sk, params);
  const values: Fields = { ':pk': fill(patternPk(e, spec), params), ...options.filter?.values };
  let condition = `${pkName} = :pk`;
  const range = options.range;
  if (range === undefined) {
    if (prefix !== '') {
      condition += ` AND begins_with(${skName}, :prefix)`;
      values[':prefix'] = prefix;
    }
  } else if ('before' in range) {
    condition += ` AND ${skName} < :before`;
    values[':before'] = `${prefix}${range.before}`;
  } else if ('upTo' in range) {
    condition += ` AND ${skName} <= :last`;
    values[':last'] = `${prefix}${range.upTo}#\uffff`;
  } else {
    // Sort keys go on `#<id>` after the date or month: the last day is included to its last id.
    condition += ` AND ${skName} BETWEEN :from AND :to`;
    values[':from'] = `${prefix}${range.from}`;
    values[':to'] = `${prefix}${range.to}#\uffff`;
  }
  return {
    TableName: tableName,
    ...(spec.index === undefined ? {} : { IndexName: spec.index }),
    KeyConditionExpression: condition,
    ExpressionAttributeValues: values,
    ...(options.filter === undefined ? {} : { FilterExpression: options.filter.expression }),
    ...(options.filter?.names === undefined ? {} : { ExpressionAttributeNames: options.filter.names }),
    ...((options.newestFirst ?? spec.newestFirst ?? false) ? { ScanIndexForward: false } : {}),
  };
};

/** One page of a named access pattern, parsed by the schema. */
export const page = <S extends z.core.$ZodType, P extends string>(
  e: Declaration<S, P>,
  pattern: P,
  params: Fields,
  limit: number,
  cursor?: string,
  options: QueryOptions = {},
): Promise<Page<Record_<S>>> => queryPage(queryInput(e, pattern, params, options), limit, cursor, (i) => parse(e, i));

/** Every item of a named access pattern, parsed by the schema. */
export const all = async <S extends z.core.$ZodType, P extends string>(e: Declaration<S, P>, pattern: P, params: Fields, options: QueryOptions = {}): Promise<Record_<S>[]> =>
  (await queryAll(queryInput(e, pattern, params, options))).map((i) => parse(e, i));

/** The first item of a named access pattern (one read: `limit` 1). */
export const first = async <S extends z.core.$ZodType, P extends string>(e: Declaration<S, P>, pattern: P, params: Fields, options: QueryOptions = {}): Promise<Record_<S> | undefined> => {
  const out = await db.send(new QueryCommand({ ...queryInput(e, pattern, params, options), Limit: 1 }));
  const found = out.Items?.[0];
  return found === undefined ? undefined : parse(e, found);
};

/** What the README's tables need of a declaration. */
export interface EntityDoc {
  kind: string;
  label: string;
  keys: Declaration<z.core.$ZodType, string>['keys'];
  history?: Declaration<z.core.$ZodType, string>['history'];
  patterns?: Partial<Record<string, Pattern>>;
}
