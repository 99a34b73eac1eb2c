import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { db, tableName } from '#shared/db/client.ts';
import type { Page } from '#shared/db/pagination.ts';
import { queryAll, queryPage } from '#shared/db/query.ts';
import { ConditionFailed, type TransactItem, transactWrite } from '#shared/db/transact.ts';
import { NotFound, PreconditionFailed } from '#shared/errors.ts';
import type { GlobalIndexName } from '#shared/table.ts';

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
  /** Partition template, filled from the query's parameters. */
  pk: string;
  /** Sort-key prefix template (begins_with, or the prefix of a range). */
  sk?: string;
  newestFirst?: boolean;
}

export interface Declaration<S extends z.ZodType, P extends string> {
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
  (what: string) =>
  (existing: Fields | undefined): Error =>
    existing === undefined ? new NotFound(`No ${what}`) : new PreconditionFailed();

export type Expected = number | 'new';
export interface PutOptions {
  /** Key holes the record itself does not fill. */
  keys?: Fields;
  /** More to check with the version, e.g. `#status = :open`. */
  condition?: { expression: string; names?: Record<string, string>; values?: Fields };
  onFail?: (existing: Fields | undefined) => Error;
}

export type Range = { from: string; to: string } | { before: string } | { upTo: string };
export interface QueryOptions {
  range?: Range;
  filter?: { expression: string; names?: Record<string, string>; values?: Fields };
  newestFirst?: boolean;
}

export const defineEntity = <S extends z.ZodType, P extends string = never>(decl: Declaration<S, P>) => {
  type T = z.infer<S>;
  const keyValues = (record: T, extra: Fields = {}): Fields => ({ ...(record as Fields), ...decl.derive?.(record), ...extra });
  const key = (values: Fields) => ({ pk: fill(decl.keys.pk, values), sk: fill(decl.keys.sk, values) });
  const parse = (item: Fields): T => {
    // Keys are the table's, not the record's; `kind` too, unless it is a field of the record's own.
    const { pk: _pk, sk: _sk, gsi1pk: _1p, gsi1sk: _1s, gsi2pk: _2p, gsi2sk: _2s, gsi3pk: _3p, gsi3sk: _3s, ...rest } = item;
    const { kind, ...fields } = rest;
    const record = kind === decl.kind || kind === decl.history?.kind ? fields : rest;
    return decl.schema.parse(decl.stored === undefined ? record : decl.stored.read(record));
  };
  const attributes = (record: T): Fields => (decl.stored === undefined ? (record as Fields) : decl.stored.write(record));

  /** The whole stored item: keys, index keys, kind and attributes; `extra` fills key holes only. */
  const item = (record: T, extra: Fields = {}): Fields => {
    const values = keyValues(record, extra);
    const indexKeys: Fields = {};
    for (const index of ['gsi1', 'gsi2', 'gsi3'] as const) {
      const spec = decl.keys[index];
      if (spec === undefined || (spec.when !== undefined && !spec.when(values))) continue;
      indexKeys[`${index}pk`] = fill(spec.pk, values);
      indexKeys[`${index}sk`] = fill(spec.sk, values);
    }
    return { ...key(values), ...indexKeys, kind: decl.kind, ...attributes(record) };
  };

  /**
   * A conditional put: `'new'` must not exist yet; a version must still be the one read
   * (checked by DynamoDB). Without `onFail`: 404-worthy `undefined` existing vs changed is
   * left to the caller's error.
   */
  const put = (record: T, expected: Expected, options: PutOptions = {}): Write => {
    const extra = options.condition;
    const condition =
      expected === 'new'
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: extra === undefined ? 'version = :expected' : `${extra.expression} AND version = :expected`,
            ExpressionAttributeValues: { ...extra?.values, ':expected': expected },
            ...(extra?.names === undefined ? {} : { ExpressionAttributeNames: extra.names }),
          };
    return { item: { Put: { TableName: tableName, Item: item(record, options.keys), ...condition } }, ...(options.onFail === undefined ? {} : { onFail: options.onFail }) };
  };

  /** An unconditional put (copies, logs keyed by content: a re-write is the same item). */
  const overwrite = (record: T, extra: Fields = {}): TransactItem => ({ Put: { TableName: tableName, Item: item(record, extra) } });

  /** The version item of a record with history. */
  const historyItem = (record: T): Fields => {
    if (decl.history === undefined) throw new Error(`${decl.kind} keeps no history`);
    const values = keyValues(record);
    if (typeof values.version !== 'number') throw new Error(`${decl.kind} history needs a version`);
    values.version = paddedVersion(values.version);
    return { pk: fill(decl.history.pk ?? decl.keys.pk, values), sk: fill(decl.history.sk, values), kind: decl.history.kind, ...attributes(record) };
  };
  /** The version item, written once. */
  const historyPut = (record: T): Write => ({ item: { Put: { TableName: tableName, Item: historyItem(record), ConditionExpression: 'attribute_not_exists(pk)' } } });

  const get = async (values: Fields): Promise<T | undefined> => {
    const out = await db.send(new GetCommand({ TableName: tableName, Key: key(values) }));
    return out.Item === undefined ? undefined : parse(out.Item);
  };

  const queryInput = (pattern: P, params: Fields, options: QueryOptions): QueryCommandInput => {
    const spec = (decl.patterns as Record<P, Pattern>)[pattern];
    const pkName = spec.index === undefined ? 'pk' : `${spec.index}pk`;
    const skName = spec.index === undefined ? 'sk' : `${spec.index}sk`;
    const prefix = spec.sk === undefined ? '' : fill(spec.sk, params);
    const values: Fields = { ':pk': fill(spec.pk, params), ...options.filter?.values };
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
    const newestFirst = options.newestFirst ?? spec.newestFirst ?? false;
    return {
      TableName: tableName,
      ...(spec.index === undefined ? {} : { IndexName: spec.index }),
      KeyConditionExpression: condition,
      ExpressionAttributeValues: values,
      ...(options.filter === undefined ? {} : { FilterExpression: options.filter.expression }),
      ...(options.filter?.names === undefined ? {} : { ExpressionAttributeNames: options.filter.names }),
      ...(newestFirst ? { ScanIndexForward: false } : {}),
    };
  };

  /** One page of a named access pattern, parsed by the schema. */
  const page = (pattern: P, params: Fields, limit: number, cursor: string | undefined, options: QueryOptions = {}): Promise<Page<T>> =>
    queryPage(queryInput(pattern, params, options), limit, cursor, parse);

  /** Every item of a named access pattern, parsed by the schema. */
  const all = async (pattern: P, params: Fields, options: QueryOptions = {}): Promise<T[]> =>
    (await queryAll(queryInput(pattern, params, options))).map(parse);

  /** The first item of a named access pattern (one read: `limit` 1). */
  const first = async (pattern: P, params: Fields, options: QueryOptions = {}): Promise<T | undefined> => {
    const out = await db.send(new QueryCommand({ ...queryInput(pattern, params, options), Limit: 1 }));
    const found = out.Items?.[0];
    return found === undefined ? undefined : parse(found);
  };

  return { ...decl, key, item, parse, put, overwrite, historyItem, historyPut, get, page, all, first, queryInput };
};

/** What the README's tables need of a declaration. */
export interface EntityDoc {
  kind: string;
  label: string;
  keys: Declaration<z.ZodType, string>['keys'];
  history?: Declaration<z.ZodType, string>['history'];
  patterns?: Partial<Record<string, Pattern>>;
}
