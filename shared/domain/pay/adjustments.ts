import { type Period, parsePayPeriod } from '#shared/domain/pay/period.ts';
import { explainFen } from '#shared/domain/pay/rational.ts';

/** A record dated inside a period but recorded after that period's statements were made. */
export interface LateRecord {
  readonly kind: string;
  readonly id: string;
  /** The day it counts on (won, received, visited, the report's month's first day…). */
  readonly date: string;
  /** When it was recorded, ISO instant. */
  readonly recordedAt: string;
}

/** What a period pays a person, without any adjustment it carries for other periods. */
export interface PeriodPay {
  readonly basePay: number;
  readonly performancePay: number;
  readonly teamShare: number;
  readonly assessments: readonly { readonly role: string; readonly ratio: string; readonly tier: string; readonly performancePay: number }[];
}

export const ownTotal = (pay: PeriodPay | undefined): number => (pay === undefined ? 0 : pay.basePay + pay.performancePay + pay.teamShare);

export interface PriorPeriodAdjustment {
  kind: 'prior_period';
  /** The finalised period re-priced. */
  period: string;
  /** Fen; negative when the late records lower that period's pay. */
  amount: number;
  reason: string;
  records: LateRecord[];
  changes: { role: string; ratioBefore: string | null; ratioAfter: string | null; tierBefore: string | null; tierAfter: string | null; performancePayBefore: number; performancePayAfter: number }[];
  paidAmount: number;
  carriedAmount: number;
  repricedAmount: number;
}

/**
 * The finalised periods a close of `open` looks back on: for a quarter, the earlier quarters
 * of its year and every quarter of the year before; for a year, the year before.
 */
export const lookBackPeriods = (open: Period): string[] => {
  if (open.kind === 'year') return [String(open.year - 1)];
  if (open.kind !== 'quarter') return [];
  const quarter = open.quarterIndexes[0] ?? 1;
  const previous = [1, 2, 3, 4].map((q) => `${open.year - 1}-Q${q}`);
  const earlier = [1, 2, 3].filter((q) => q < quarter).map((q) => `${open.year}-Q${q}`);
  return [...previous, ...earlier];
};

/** Whether an adjustment carried in period `carrier` for `period` lies after it (only later periods carry one). */
export const carriesFor = (carrier: string, period: string): boolean => {
  const a = parsePayPeriod(carrier);
  const b = parsePayPeriod(period);
  return a.kind === b.kind && a.from > b.to;
};

const signed = (fen: number): string => (fen >= 0 ? `+${explainFen(BigInt(fen))}` : `-${explainFen(BigInt(-fen))}`);

/**
 * The prior-period adjustment of one person for one finalised period: what the period would
 * pay now, less what it paid when finalised, less what later finalised periods already
 * carried for it. So a period is paid exactly once, whatever the order of late records and
 * closes; nothing when the difference is 0.
 */
export const priorPeriodAdjustment = (input: {
  period: string;
  paid: PeriodPay | undefined;
  repriced: PeriodPay | undefined;
  carriedAmount: number;
  records: readonly LateRecord[];
}): PriorPeriodAdjustment | undefined => {
  const paidAmount = ownTotal(input.paid);
  const repricedAmount = ownTotal(input.repriced);
  const amount = repricedAmount - paidAmount - input.carriedAmount;
  if (amount === 0) return undefined;
  const roles = [...new Set([...(input.paid?.assessments ?? []), ...(input.repriced?.assessments ?? [])].map((a) => a.role))];
  const changes = roles.map((role) => {
    const before = input.paid?.assessments.find((a) => a.role === role);
    const after = input.repriced?.assessments.find((a) => a.role === role);
    return {
      role,
      ratioBefore: before?.ratio ?? null,
      ratioAfter: after?.ratio ?? null,
      tierBefore: before?.tier ?? null,
      tierAfter: after?.tier ?? null,
      performancePayBefore: before?.performancePay ?? 0,
      performancePayAfter: after?.performancePay ?? 0,
    };
  });
  const records = [...input.records].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
  const recordText = records.length === 0 ? 'no late record named' : records.map((r) => `${r.kind} ${r.id} dated ${r.date}, recorded ${r.recordedAt}`).join('; ');
  const changeText = changes
    .map((c) => `${c.role}: R ${c.ratioBefore ?? '—'} → ${c.ratioAfter ?? '—'}, tier ${c.tierBefore ?? '—'} → ${c.tierAfter ?? '—'}, performance pay ${explainFen(BigInt(c.performancePayBefore))} → ${explainFen(BigInt(c.performancePayAfter))}`)
    .join('; ');
  const reason =
    `${input.period} re-priced with records made after it was finalised (${recordText}). ${changeText || 'No assessment changed'}. ` +
    `It pays ${explainFen(BigInt(repricedAmount))} now, paid ${explainFen(BigInt(paidAmount))} when finalised` +
    (input.carriedAmount === 0 ? '' : ` and ${signed(input.carriedAmount)} since`) +
    `: ${signed(amount)}`;
  return { kind: 'prior_period', period: input.period, amount, reason, records, changes, paidAmount, carriedAmount: input.carriedAmount, repricedAmount };
};
