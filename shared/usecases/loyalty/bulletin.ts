import { mapLimited } from '#shared/concurrency.ts';
import { all, get } from '#shared/db/entity.ts';
import * as store from '#shared/db/loyalty.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import { overdueOn } from '#shared/domain/loyalty/feedback.ts';
import { parsePeriod } from '#shared/domain/pay/period.ts';
import { formatRatio } from '#shared/domain/ratio.ts';
import type { BulletinLoyalty } from '#shared/schemas/loyalty.ts';
import { calendarsFrom, loyaltyPolicyFor } from '#shared/usecases/loyalty/settings.ts';

/**
 * What the quarterly bulletin carries of each account's loyalty (issue 13 items 2 and 6):
 * the period's satisfaction, complaints still open and those past their deadline at the
 * period's end (or today), and the health figure as last refreshed. Called by the
 * bulletin's route on the page it serves, so the close itself is unchanged.
 */
export const bulletinLoyalty = async (periodId: string, accountIds: readonly string[]): Promise<Map<string, BulletinLoyalty>> => {
  const period = parsePeriod(periodId, ['quarter', 'year']);
  const today = todayInShanghai();
  const asOf = today < period.to ? today : period.to;
  const policy = await loyaltyPolicyFor(period.year);
  const calendars = await calendarsFrom(period.from, policy);
  const quarters = period.quarterIndexes.map((q) => `${period.year}-Q${q}`);
  // A page holds up to maxPage accounts, each three to six reads: a bounded number in flight.
  const rows = await mapLimited(accountIds, 16, async (accountId): Promise<[string, BulletinLoyalty]> => {
    const [surveys, feedback, health] = await Promise.all([
      Promise.all(quarters.map((q) => all(store.surveys, 'ofAccountInPeriod', { accountId, period: q }))).then((l) => l.flat()),
      all(store.feedback, 'byAccount', { accountId }),
      get(store.healthSnapshots, { accountId, period: period.id }),
    ]);
    const complaints = feedback.filter((f) => f.kind === 'complaint' && f.receivedOn <= period.to);
    return [
      accountId,
      {
        satisfaction: surveys.length === 0 ? null : { surveys: surveys.length, overall: formatRatio(BigInt(surveys.reduce((s, x) => s + x.overall, 0)), BigInt(surveys.length)) },
        openComplaints: complaints.filter((c) => c.status !== 'closed').length,
        overdueComplaints: complaints.filter((c) => overdueOn(c, asOf, calendars) !== null).length,
        health: health?.score ?? null,
      },
    ];
  });
  return new Map(rows);
};

/** The accounts section of a bulletin page with each row's loyalty added; the people section as it is. */
export const withLoyalty = async <B extends { period: string; section: string; items: readonly object[] }>(bulletin: B): Promise<B> => {
  if (bulletin.section !== 'accounts') return bulletin;
  const idOf = (row: object) => ('accountId' in row && typeof row.accountId === 'string' ? row.accountId : undefined);
  const loyalty = await bulletinLoyalty(bulletin.period, bulletin.items.flatMap((row) => idOf(row) ?? []));
  return { ...bulletin, items: bulletin.items.map((row) => ({ ...row, loyalty: loyalty.get(idOf(row) ?? '') })) };
};
