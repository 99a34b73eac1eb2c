import type { LateFact } from '#shared/db/pay.ts';
import * as store from '#shared/db/pay.ts';
import { type PayChange, listPayChangesSince } from '#shared/db/pay-changes.ts';
import { type PriorPeriodAdjustment, carriesFor, lookBackPeriods, priorPeriodAdjustment } from '#shared/domain/pay/adjustments.ts';
import { type Period, parsePayPeriod } from '#shared/domain/pay/period.ts';
import type { Statement } from '#shared/domain/pay/statement.ts';
import type { PeriodState } from '#shared/schemas/pay.ts';

/** Index entries may lag their record a little: look back this much further (re-pricing on all data never pays twice). */
export const indexLagMs = 60_000;

/** The later periods of the same kind that may carry an adjustment for `period` (those whose look-back holds it). */
const carrierCandidates = (period: Period): string[] => {
  const ids = period.kind === 'year' ? [String(period.year + 1)] : [period.year, period.year + 1].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
  return ids.filter((id) => carriesFor(id, period.id) && lookBackPeriods(parsePayPeriod(id)).includes(period.id));
};

/** Where a period's records are filed in the pay-data index: its quarters, and a year under its own id too (its peer scores). */
const indexPartitions = (period: Period): string[] => (period.kind === 'year' ? [...[1, 2, 3, 4].map((q) => `${period.year}-Q${q}`), period.id] : [period.id]);

/** A change whose days overlap the period, as a late record of the account it changed. */
const changesIn = (period: Period, changes: readonly PayChange[]): LateFact[] =>
  changes
    .filter((c) => c.from <= period.to && (c.to === null || c.to >= period.from))
    .map((c) => ({ record: { kind: c.change, id: `${c.accountId}/${c.id}`, date: c.from, recordedAt: c.recordedAt }, accountId: c.accountId, staffIds: [] }));

type State = PeriodState & { closeStartedAt?: string; repricedPeriods?: string[] };

export interface PriorPeriods {
  /** Per person, the adjustments their statement of the open period carries. */
  byStaff: Map<string, PriorPeriodAdjustment[]>;
  /** The finalised periods re-priced (kept on the open period: its start is their watermark once it is final). */
  repriced: string[];
}

/**
 * Late records roll forward (issue 11, item 1): every finalised period of the open one's
 * look-back whose data changed since it was last accounted for — the start of the close
 * that made its final statements, or of the latest finalised carrier that re-priced it —
 * is priced again on today's data, and each person's difference, less what later
 * finalised periods already carried, becomes an adjustment. "Changed" is one keyed Query
 * per index partition, not a re-computation of every finalised period.
 */
export const priorPeriodAdjustments = async (open: Period, price: (period: Period) => Promise<Statement[]>): Promise<PriorPeriods> => {
  const byStaff = new Map<string, PriorPeriodAdjustment[]>();
  const repriced: string[] = [];
  for (const id of lookBackPeriods(open)) {
    const state = (await store.getPeriodState(id)) as State | undefined;
    if (state?.status !== 'final') continue;
    const period = parsePayPeriod(id);
    const carriers = (await Promise.all(carrierCandidates(period).filter((c) => c !== open.id).map(async (c) => (await store.getPeriodState(c)) as State | undefined)))
      .filter((c): c is State => c?.status === 'final');
    const watermark = [state.closeStartedAt ?? state.closedAt, ...carriers.filter((c) => c.repricedPeriods?.includes(id)).map((c) => c.closeStartedAt ?? c.closedAt)].sort().at(-1) ?? state.closedAt;
    const since = new Date(Date.parse(watermark) - indexLagMs).toISOString();
    // Records dated in the period, and changes (who holds an account, its targets) whose days reach into it.
    const [dated, changes] = await Promise.all([Promise.all(indexPartitions(period).map((p) => store.listLateRecords(p, since))), listPayChangesSince(since)]);
    const facts = [...dated.flat(), ...changesIn(period, changes)];
    if (facts.length === 0) continue;
    repriced.push(id);
    const late = facts.filter((f) => f.record.recordedAt > watermark);
    const now = new Map((await price(period)).map((s) => [s.staffId, s]));
    const paid = new Map((await store.listStatements(id)).map((s) => [s.staffId, s]));
    const carried = new Map<string, number>();
    for (const carrier of carriers) {
      for (const s of await store.listStatements(carrier.period)) {
        const amount = (s.adjustments ?? []).filter((a) => a.kind === 'prior_period' && a.period === id).reduce((sum, a) => sum + a.amount, 0);
        carried.set(s.staffId, (carried.get(s.staffId) ?? 0) + amount);
      }
    }
    for (const staffId of [...new Set([...now.keys(), ...paid.keys()])].sort()) {
      const accounts = new Set([...(now.get(staffId)?.assessments ?? []), ...(paid.get(staffId)?.assessments ?? [])].flatMap((a) => a.accounts.map((r) => r.accountId)));
      const own = late.filter((f) => (f.accountId !== undefined && accounts.has(f.accountId)) || f.staffIds.includes(staffId));
      // A record on nobody's own accounts still moves the team bonus: name them all then.
      const records = (own.length > 0 ? own : late).map((f) => f.record);
      const adjustment = priorPeriodAdjustment({ period: id, paid: paid.get(staffId), repriced: now.get(staffId), carriedAmount: carried.get(staffId) ?? 0, records });
      if (adjustment !== undefined) byStaff.set(staffId, [...(byStaff.get(staffId) ?? []), adjustment]);
    }
  }
  return { byStaff, repriced };
};
