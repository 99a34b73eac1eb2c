/**
 * Batch writes for the synthetic organisations (bench/synthetic.ts): while the sink is on,
 * every write the entity modules send through the shared client — their transactions,
 * puts, updates and deletes — is taken before it leaves, and the items it would have
 * written are kept by key (a later write of the same item replaces the earlier one) and
 * sent with BatchWriteItem, 25 items a request, `width` requests in flight. The items are
 * exactly the modules' own (keys, index keys, audit records); only their conditions are
 * not sent: the generator is deterministic on a fresh table and meets them by
 * construction (a new id is new, an invoice stays within its contract).
 *
 * An update of a kept item (a project's invoiced and paid totals) is applied to it here;
 * an update of an item already sent waits for the sends before it and goes as it is.
 * Reads pass through (the generator makes none; `reads` counts any).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mapLimited } from '#shared/concurrency.ts';
import { db } from '#shared/db/client.ts';
import { batchWrite } from '#shared/db/query.ts';

type Loose = Record<string, any>;
type Pending = { put: Loose } | { delete: { pk: unknown; sk: unknown } };

const keyOf = (k: Loose) => `${String(k.pk)}\u0000${String(k.sk)}`;

/** `SET a = a + :x, #b = :y` on a plain item; undefined when the expression is anything else. */
const applySet = (item: Loose, update: Loose): Loose | undefined => {
  const expression = String(update.UpdateExpression ?? '').trim();
  if (!expression.startsWith('SET ')) return undefined;
  const names = (update.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (update.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  const name = (token: string) => (token.startsWith('#') ? names[token] : token);
  const next = { ...item };
  for (const clause of expression.slice(4).split(',')) {
    const sum = /^\s*([#\w]+)\s*=\s*([#\w]+)\s*\+\s*(:\w+)\s*$/.exec(clause);
    const plain = /^\s*([#\w]+)\s*=\s*(:\w+)\s*$/.exec(clause);
    if (sum !== null) {
      const [target, source, value] = [name(sum[1] ?? ''), name(sum[2] ?? ''), values[sum[3] ?? '']];
      if (target === undefined || source === undefined || typeof next[source] !== 'number' || typeof value !== 'number') return undefined;
      next[target] = (next[source] as number) + value;
    } else if (plain !== null) {
      const target = name(plain[1] ?? '');
      if (target === undefined || !((plain[2] ?? '') in values)) return undefined;
      next[target] = values[plain[2] ?? ''];
    } else {
      return undefined;
    }
  }
  return next;
};

export const batchSink = (client: DynamoDBClient, options: { width: number; flushAt: number }) => {
  const pending = new Map<string, Pending>();
  const passThrough = new AsyncLocalStorage<true>();
  const stats = { taken: 0, items: 0, batches: 0, updatesApplied: 0, updatesSent: 0, reads: 0 };
  let on = false;
  let failure: unknown;
  let chain: Promise<void> = Promise.resolve();

  /** Sends what is kept now (after the sends before it), in batches of 25. */
  let queued = false;
  const flush = (): Promise<void> => {
    if (queued) return chain;
    queued = true;
    chain = chain.then(async () => {
      queued = false;
      const entries = [...pending.values()];
      pending.clear();
      const requests = entries.map((e) => ('put' in e ? { PutRequest: { Item: e.put } } : { DeleteRequest: { Key: e.delete } }));
      const chunks: (typeof requests)[] = [];
      for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
      await passThrough.run(true, () => mapLimited(chunks, options.width, (chunk) => batchWrite(chunk)));
      stats.batches += chunks.length;
      stats.items += requests.length;
    });
    chain.catch((error: unknown) => (failure ??= error));
    return chain;
  };

  const update = async (u: Loose) => {
    const k = keyOf(u.Key as Loose);
    const kept = pending.get(k);
    const applied = kept !== undefined && 'put' in kept ? applySet(kept.put, u) : undefined;
    if (applied !== undefined) {
      pending.set(k, { put: applied });
      stats.updatesApplied++;
      return;
    }
    // Not kept (already sent) or not a simple SET: after everything before it, as it is.
    await flush();
    await passThrough.run(true, () => db.send(new UpdateCommand(u as ConstructorParameters<typeof UpdateCommand>[0])));
    stats.updatesSent++;
  };

  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!on || passThrough.getStore() === true) return next(args);
      if (failure !== undefined) throw failure;
      const input = args.input as Loose;
      switch (context.commandName) {
        case 'TransactWriteItemsCommand':
          for (const t of input.TransactItems as Loose[]) {
            if (t.Put !== undefined) pending.set(keyOf(t.Put.Item), { put: t.Put.Item });
            else if (t.Delete !== undefined) pending.set(keyOf(t.Delete.Key), { delete: { pk: t.Delete.Key.pk, sk: t.Delete.Key.sk } });
            else if (t.Update !== undefined) await update(t.Update);
          }
          break;
        case 'PutItemCommand':
          pending.set(keyOf(input.Item), { put: input.Item });
          break;
        case 'DeleteItemCommand':
          pending.set(keyOf(input.Key), { delete: { pk: input.Key.pk, sk: input.Key.sk } });
          break;
        case 'UpdateItemCommand':
          await update(input);
          break;
        case 'BatchWriteItemCommand':
          return next(args);
        default:
          stats.reads++;
          return next(args);
      }
      stats.taken++;
      if (pending.size >= options.flushAt) void flush();
      // Backpressure: the generator waits while four flushes' worth is kept.
      if (pending.size >= 4 * options.flushAt) await chain.catch(() => undefined);
      return { output: { $metadata: {} }, response: {} } as Awaited<ReturnType<typeof next>>;
    },
    { step: 'initialize', priority: 'high', name: 'benchBatchSink' },
  );

  return {
    stats,
    start: () => {
      on = true;
    },
    /** Sends everything kept, waits for every send, and lets writes through again. */
    finish: async () => {
      await flush();
      on = false;
      if (failure !== undefined) throw failure;
    },
  };
};
