import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/db/client.ts';
import { type Page, decodeCursor, encodeCursor } from '#shared/db/pagination.ts';

/** A condition or filter expression, with the names and values it uses. */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

type Value = string | number | boolean | null;
/** The stored `field` is `value`; no value given (an optional filter left out): no condition. */
export function equals(field: string, value: Value): Condition;
export function equals(field: string, value: Value | undefined): Condition | undefined;
export function equals(field: string, value: Value | undefined): Condition | undefined {
  return value === undefined ? undefined : { expression: `#${field} = :${field}`, names: { [`#${field}`]: field }, values: { [`:${field}`]: value } };
}

/** Every condition given holds; none given: no condition. */
export const allOf = (...conditions: (Condition | undefined)[]): Condition | undefined => {
  const given = conditions.filter((c) => c !== undefined);
  if (given.length < 2) return given[0];
  const names = Object.assign({}, ...given.map((c) => c.names));
  return {
    expression: given.map((c) => `(${c.expression})`).join(' AND '),
    ...(Object.keys(names).length === 0 ? {} : { names }),
    values: Object.assign({}, ...given.map((c) => c.values)),
  };
};

/** Every item of a keyed query, page after page (sums over one account, a period's statements…). */
export const queryAll = async (input: QueryCommandInput): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
};

/** Reads of one page at most: a filter that drops nearly everything cannot hold a request for long. */
const maxRounds = 10;

/**
 * One page of a keyed query, its cursor bound to the query (a cursor from another list is
 * a 400). A FilterExpression may drop some of what a read returns, so it reads on until
 * the page is full or the partition ends (at most 10 reads); the cursor is the last key read.
 */
export const queryPage = async <T>(
  input: QueryCommandInput,
  limit: number,
  cursor: string | undefined,
  to: (item: Record<string, unknown>) => T,
): Promise<Page<T>> => {
  const query = JSON.stringify([input.IndexName ?? 'table', input.KeyConditionExpression, input.FilterExpression, input.ExpressionAttributeValues]);
  const items: T[] = [];
  let start: Record<string, unknown> | undefined = decodeCursor(query, cursor);
  for (let round = 0; round < maxRounds; round++) {
    const out = await db.send(new QueryCommand({ ...input, Limit: limit - items.length, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []).map(to));
    start = out.LastEvaluatedKey;
    if (start === undefined || items.length >= limit) break;
  }
  return { items, nextCursor: encodeCursor(query, start) };
};

/** Waits before a retry of what DynamoDB left unprocessed: doubling from 100 ms, at most 3.2 s. */
const backoff = (attempt: number) => new Promise((done) => setTimeout(done, 50 * 2 ** Math.min(attempt, 6)));

/** Items by key, 100 at a time; keys DynamoDB leaves unprocessed under load are asked again. */
export const batchGet = async (keys: readonly Record<string, unknown>[]): Promise<Record<string, unknown>[]> => {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    for (let attempt = 0; pending !== undefined && pending.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const out: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
      found.push(...(out.Responses?.[tableName] ?? []));
      pending = out.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
};

type WriteRequest = NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string][number];

/**
 * Idempotent bulk writes (alerts, statements) 25 at a time, `width` requests in flight
 * (one by default); items DynamoDB leaves unprocessed under load are sent again with
 * backoff until none are left. No two requests in flight name the same item (callers
 * give each item once).
 */
export const batchWrite = async (requests: readonly WriteRequest[], width = 1): Promise<void> => {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  let next = 0;
  const lane = async () => {
    for (let chunk = chunks[next++]; chunk !== undefined; chunk = chunks[next++]) {
      let pending: WriteRequest[] | undefined = chunk;
      for (let attempt = 0; pending !== undefined && pending.length > 0; attempt++) {
        if (attempt > 0) await backoff(attempt);
        const out: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = out.UnprocessedItems?.[tableName];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, chunks.length)) }, lane));
};
