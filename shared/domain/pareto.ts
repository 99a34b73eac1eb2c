import { formatRatio } from '#shared/domain/ratio.ts';

export interface Revenue {
  accountId: string;
  amount: number;
}

export interface RankedRevenue extends Revenue {
  rank: number;
  share: string;
  cumulativeShare: string;
  /** In the smallest set of accounts that together bring at least 80 % of the revenue. */
  inCoreSet: boolean;
}

/**
 * The Pareto cut: rank by revenue (ties by account id, so the answer is the same every
 * time) and mark the smallest leading set whose total reaches 80 % of all revenue.
 * With no revenue at all, no account is marked.
 */
export const paretoCut = (revenues: readonly Revenue[], thresholdPercent = 80n): { total: number; ranked: RankedRevenue[] } => {
  const sorted = [...revenues].sort((a, b) => b.amount - a.amount || a.accountId.localeCompare(b.accountId));
  const total = sorted.reduce((sum, r) => sum + BigInt(r.amount), 0n);
  let cumulative = 0n;
  let reached = total === 0n;
  const ranked = sorted.map((r, i) => {
    const inCoreSet = !reached;
    cumulative += BigInt(r.amount);
    if (cumulative * 100n >= total * thresholdPercent) reached = true;
    return {
      ...r,
      rank: i + 1,
      share: total === 0n ? '0.0000' : formatRatio(BigInt(r.amount), total),
      cumulativeShare: total === 0n ? '0.0000' : formatRatio(cumulative, total),
      inCoreSet,
    };
  });
  return { total: Number(total), ranked };
};
