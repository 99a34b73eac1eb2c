import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/db/client.ts';
import { type Page, decodeCursor, encodeCursor } from '#shared/db/pagination.ts';

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

/** One page of a keyed query, its cursor bound to the query (a cursor from another list is a 400). */
export const queryPage = async <T>(
  input: QueryCommandInput,
  limit: number,
  cursor: string | undefined,
  to: (item: Record<string, unknown>) => T,
): Promise<Page<T>> => {
  const query = JSON.stringify([input.IndexName ?? 'table', input.ExpressionAttributeValues]);
  const out = await db.send(new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: decodeCursor(query, cursor) }));
  return { items: (out.Items ?? []).map(to), nextCursor: encodeCursor(query, out.LastEvaluatedKey) };
};

type WriteRequest = NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string][number];

/**
 * Idempotent bulk writes (alerts, statements) 25 at a time; items DynamoDB leaves
 * unprocessed under load are sent again with backoff until none are left.
 */
export const batchWrite = async (requests: readonly WriteRequest[]): Promise<void> => {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: WriteRequest[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; pending !== undefined && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((done) => setTimeout(done, 50 * 2 ** Math.min(attempt, 6)));
      const out: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = out.UnprocessedItems?.[tableName];
    }
  }
};
