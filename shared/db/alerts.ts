import { all, defineEntity, item, key } from '#shared/db/entity.ts';
import { batchWrite } from '#shared/db/query.ts';
import { Alert } from '#shared/schemas/compliance.ts';

/** The key names the month, person, account and gap, so a re-run writes the same items. */
export const alerts = /* @__PURE__ */ defineEntity({
  kind: 'alert', label: 'compliance alert', schema: Alert,
  keys: { pk: 'ALERTS#<staffId>', sk: '<month>#<accountId>#<kind>', gsi1: { pk: 'ALERTMONTH#<month>', sk: '<staffId>#<accountId>#<kind>' } },
  // `kind` marks the item's entity everywhere in the table; the gap's kind is kept as `gap`.
  stored: { write: ({ kind, ...alert }) => ({ ...alert, gap: kind }), read: ({ gap, ...item }) => ({ ...item, kind: gap }) },
  patterns: {
    ofPerson: { doc: "a person's alerts, by month" },
    ofPersonInMonth: { doc: "a person's alerts of one month", sk: '<month>#' },
    ofMonth: { doc: "a month's whole set of alerts", index: 'gsi1' },
  },
});

/** Access pattern: a person's alerts, optionally of one month. */
export const listAlertsOfPerson = (staffId: string, month?: string) =>
  month === undefined ? all(alerts, 'ofPerson', { staffId }) : all(alerts, 'ofPersonInMonth', { staffId, month });


/**
 * Makes a month's stored alerts exactly `alerts`: writes them (same keys on a re-run) and
 * removes any from an earlier run that are no longer gaps. Running it twice stores one set.
 */
export const replaceAlertsOfMonth = async (month: string, current: readonly Alert[]): Promise<void> => {
  const gap = (a: Alert) => `${a.staffId}#${a.accountId}#${a.kind}`;
  const keep = new Set(current.map(gap));
  const stale = (await all(alerts, 'ofMonth', { month })).filter((a) => !keep.has(gap(a)));
  await batchWrite([...current.map((a) => ({ PutRequest: { Item: item(alerts, a) } })), ...stale.map((a) => ({ DeleteRequest: { Key: key(alerts, a) } }))]);
};
