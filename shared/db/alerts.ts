import { tableName } from '#shared/db/client.ts';
import { batchWrite, queryAll } from '#shared/db/query.ts';
import type { Alert } from '#shared/schemas/compliance.ts';

/*
 * Keys (see README, data model):
 *   alert   pk ALERTS#<staffId>  sk <month>#<accountId>#<kind>     (a person's alerts by month)
 *           gsi1 ALERTMONTH#<month> / <staffId>#<accountId>#<kind> (a month's whole set)
 * The key names the month, person, account and gap, so a re-run writes the same items.
 */
const alertItem = (a: Alert) => ({
  pk: `ALERTS#${a.staffId}`,
  sk: `${a.month}#${a.accountId}#${a.kind}`,
  gsi1pk: `ALERTMONTH#${a.month}`,
  gsi1sk: `${a.staffId}#${a.accountId}#${a.kind}`,
  ...a,
  // `kind` marks the item's entity everywhere in the table; the gap's kind is kept as `gap`.
  kind: 'alert',
  gap: a.kind,
});
const toAlert = (item: Record<string, unknown>): Alert => ({
  staffId: item.staffId as string,
  month: item.month as string,
  accountId: item.accountId as string,
  kind: item.gap as Alert['kind'],
  required: item.required as number,
  done: item.done as number,
  missing: item.missing as number,
  createdAt: item.createdAt as string,
});

/** Access pattern: a person's alerts, optionally of one month. */
export const listAlertsOfPerson = async (staffId: string, month?: string) =>
  (await queryAll({
    TableName: tableName,
    KeyConditionExpression: month === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :month)',
    ExpressionAttributeValues: { ':pk': `ALERTS#${staffId}`, ...(month === undefined ? {} : { ':month': `${month}#` }) },
  })).map(toAlert);

/** Access pattern: all alerts of a month. */
export const listAlertsOfMonth = async (month: string) =>
  (await queryAll({
    TableName: tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `ALERTMONTH#${month}` },
  })).map(toAlert);

/**
 * Makes a month's stored alerts exactly `alerts`: writes them (same keys on a re-run) and
 * removes any from an earlier run that are no longer gaps. Running it twice stores one set.
 */
export const replaceAlertsOfMonth = async (month: string, alerts: readonly Alert[]): Promise<void> => {
  const keep = new Set(alerts.map((a) => `${a.staffId}#${a.accountId}#${a.kind}`));
  const stale = (await listAlertsOfMonth(month)).filter((a) => !keep.has(`${a.staffId}#${a.accountId}#${a.kind}`));
  await batchWrite([
    ...alerts.map((a) => ({ PutRequest: { Item: alertItem(a) } })),
    ...stale.map((a) => ({ DeleteRequest: { Key: { pk: `ALERTS#${a.staffId}`, sk: `${a.month}#${a.accountId}#${a.kind}` } } })),
  ]);
};
