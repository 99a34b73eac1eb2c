import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from '#shared/db/client.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Raised when a condition of one item in a transaction failed; says which item and what was there. */
export class ConditionFailed extends Error {
  constructor(
    readonly index: number,
    /** The item as it was, when it existed (ReturnValuesOnConditionCheckFailure ALL_OLD). */
    readonly existing: Record<string, unknown> | undefined,
  ) {
    super(`Condition of transaction item ${index} failed`);
    this.name = 'ConditionFailed';
  }
}

/**
 * Writes all items or none. Each conditional item returns the old item when its
 * condition fails, so callers can tell "gone" (404) from "changed" (412).
 */
export const transactWrite = async (items: TransactItem[]): Promise<void> => {
  const withOld = items.map((item) => {
    for (const op of ['Put', 'Update', 'Delete', 'ConditionCheck'] as const) {
      const body = item[op];
      if (body?.ConditionExpression !== undefined) {
        return { [op]: { ...body, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } } as TransactItem;
      }
    }
    return item;
  });
  try {
    await db.send(new TransactWriteCommand({ TransactItems: withOld }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (index >= 0) {
        const old = reasons[index]?.Item;
        throw new ConditionFailed(index, old === undefined ? undefined : unmarshall(old));
      }
    }
    throw error;
  }
};

export type { TransactItem };
