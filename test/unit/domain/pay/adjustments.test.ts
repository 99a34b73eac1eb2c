import { describe, expect, it } from 'vitest';
import { type LateRecord, type PeriodPay, type PriorPeriodAdjustment, carriesFor, lookBackPeriods, ownTotal, priorPeriodAdjustment } from '#shared/domain/pay/adjustments.ts';
import type { ReceivedPayment, WonProject } from '#shared/domain/pay/assessment.ts';
import type { VisitFact } from '#shared/domain/pay/compliance.ts';
import { parsePayPeriod } from '#shared/domain/pay/period.ts';
import { closeStatements } from '#shared/domain/pay/statement.ts';
import { equalSplit } from '#shared/domain/targets.ts';
import { account, held, policy } from '#test/unit/domain/pay/builders.ts';

describe('which finalised periods a close looks back on', () => {
  it('a quarter: every quarter of the previous year and the earlier quarters of its own; a year: the year before', () => {
    expect(lookBackPeriods(parsePayPeriod('2026-Q3'))).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(lookBackPeriods(parsePayPeriod('2026-Q1'))).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(lookBackPeriods(parsePayPeriod('2026'))).toEqual(['2025']);
  });

  it('only a later period of the same kind carries an adjustment for a period', () => {
    expect(carriesFor('2026-Q2', '2026-Q1')).toBe(true);
    expect(carriesFor('2026-Q1', '2026-Q1')).toBe(false);
    expect(carriesFor('2026-Q1', '2026-Q2')).toBe(false);
    expect(carriesFor('2026', '2026-Q1')).toBe(false);
  });
});

const pay = (performancePay: number, ratio: string, tier: string, teamShare = 0): PeriodPay => ({
  basePay: 6_000_000,
  performancePay,
  teamShare,
  assessments: [{ role: 'sales_manager', ratio, tier, performancePay }],
});
const late: LateRecord = { kind: 'payment', id: 'PAY1', date: '2026-03-25', recordedAt: '2026-04-20T02:00:00.000Z' };

describe('one prior-period adjustment', () => {
  it('is what the period pays now less what it paid, naming the late record and the change in R, tier and pay', () => {
    const adjustment = priorPeriodAdjustment({ period: '2026-Q1', paid: pay(2_400_000, '0.9500', 'basically_completed'), repriced: pay(3_600_000, '1.0450', 'exceeded'), carriedAmount: 0, records: [late] });
    expect(adjustment).toMatchObject({
      kind: 'prior_period',
      period: '2026-Q1',
      amount: 1_200_000,
      paidAmount: 8_400_000,
      repricedAmount: 9_600_000,
      records: [late],
      changes: [{ role: 'sales_manager', ratioBefore: '0.9500', ratioAfter: '1.0450', tierBefore: 'basically_completed', tierAfter: 'exceeded', performancePayBefore: 2_400_000, performancePayAfter: 3_600_000 }],
    });
    expect(adjustment?.reason).toContain('payment PAY1 dated 2026-03-25, recorded 2026-04-20T02:00:00.000Z');
    expect(adjustment?.reason).toContain('R 0.9500 → 1.0450, tier basically_completed → exceeded');
    expect(adjustment?.reason).toMatch(/: \+1,200,000 fen$/);
  });

  it('is negative when a late record lowers the period’s pay, and nothing when already carried', () => {
    const lowered = priorPeriodAdjustment({ period: '2026-Q1', paid: pay(3_600_000, '1.0450', 'exceeded'), repriced: pay(2_400_000, '0.9500', 'basically_completed'), carriedAmount: 0, records: [late] });
    expect(lowered?.amount).toBe(-1_200_000);
    expect(lowered?.reason).toMatch(/: -1,200,000 fen$/);
    expect(priorPeriodAdjustment({ period: '2026-Q1', paid: pay(2_400_000, '0.9500', 'basically_completed'), repriced: pay(3_600_000, '1.0450', 'exceeded'), carriedAmount: 1_200_000, records: [late] })).toBeUndefined();
  });
});

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed by its seed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Kind = 'project' | 'payment' | 'visit';
interface Recorded extends LateRecord { kind: Kind; amount: number; account: 'A' | 'B'; by: 'L' | 'M' }

const quarters = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2'];
const dayIn = (period: string, r: number): string => {
  const p = parsePayPeriod(period);
  const from = Date.parse(`${p.from}T00:00:00Z`);
  return new Date(from + Math.floor(r * p.days) * 86_400_000).toISOString().slice(0, 10);
};

/** Prices a quarter on the given records with the close's own pure functions: two sales managers, two key accounts. */
const price = (periodId: string, records: readonly Recorded[]): Map<string, PeriodPay> => {
  const period = parsePayPeriod(periodId);
  const facts = (id: 'A' | 'B', holder: 'L' | 'M') => {
    const mine = records.filter((r) => r.account === id);
    return account(id, {
      assignments: [held('sales_manager', holder, '2025-01-01')],
      targets: { contract: equalSplit(40_000_000), collection: equalSplit(32_000_000) },
      projects: mine.filter((r) => r.kind === 'project').map((r): WonProject => ({ contractAmount: r.amount, wonOn: r.date })),
      payments: mine.filter((r) => r.kind === 'payment').map((r): ReceivedPayment => ({ amount: r.amount, receivedOn: r.date })),
      visits: mine.filter((r) => r.kind === 'visit').map((r): VisitFact => ({ type: 'routine_visit', visitedOn: r.date, madeBy: holder })),
      reports: [],
    });
  };
  const a = facts('A', 'L');
  const b = facts('B', 'M');
  const { statements } = closeStatements({
    period,
    policy,
    meetings: [],
    people: [
      { staffId: 'L', grade: 'P6', peerScores: [], accounts: [a] },
      { staffId: 'M', grade: 'P8', peerScores: [], accounts: [b] },
    ],
    teamAccounts: [a, b].map((x) => ({ accountId: x.accountId, keyIntervals: [{ from: '2025-01-01', to: null }], targets: x.targets, projects: x.projects, payments: x.payments })),
  });
  return new Map(statements.map((s) => [s.staffId, { basePay: s.basePay, performancePay: s.performancePay, teamShare: s.teamShare, assessments: s.assessments }]));
};

interface Final { pay: Map<string, PeriodPay>; adjustments: Map<string, PriorPeriodAdjustment[]>; closedAt: number }

/** The close's bookkeeping over finalised statements, as the close use case keeps it. */
const closeWithAdjustments = (open: string, records: readonly Recorded[], finals: ReadonlyMap<string, Final>) => {
  const adjustments = new Map<string, PriorPeriodAdjustment[]>();
  for (const period of lookBackPeriods(parsePayPeriod(open))) {
    const final = finals.get(period);
    if (final === undefined) continue;
    const repriced = price(period, records);
    for (const staffId of new Set([...final.pay.keys(), ...repriced.keys()])) {
      const carriedAmount = [...finals.entries()]
        .filter(([carrier]) => carriesFor(carrier, period))
        .flatMap(([, f]) => f.adjustments.get(staffId) ?? [])
        .filter((x) => x.period === period)
        .reduce((total, x) => total + x.amount, 0);
      const lateOnes = records.filter((r) => r.date >= parsePayPeriod(period).from && r.date <= parsePayPeriod(period).to && Number(r.recordedAt) > final.closedAt);
      const adjustment = priorPeriodAdjustment({ period, paid: final.pay.get(staffId), repriced: repriced.get(staffId), carriedAmount, records: lateOnes });
      if (adjustment !== undefined) adjustments.set(staffId, [...(adjustments.get(staffId) ?? []), adjustment]);
    }
  }
  return { pay: price(open, records), adjustments };
};

describe('paid exactly once (property, 200 random histories)', () => {
  it('for every person and period, what its finalised statement paid plus the adjustments later statements carried equals the period priced on all data', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = prng(seed);
      const records: Recorded[] = [];
      const finals = new Map<string, Final>();
      let clock = 0;
      let open = 0;
      while (open < quarters.length - 1) {
        clock += 1;
        if (random() < 0.75) {
          // A record dated in any quarter up to the open one: late when that quarter is final.
          const period = quarters[Math.floor(random() * (open + 1))] ?? '2026-Q1';
          const kind = (['project', 'payment', 'visit'] as const)[Math.floor(random() * 3)] ?? 'visit';
          const reversal = kind === 'payment' && random() < 0.2;
          records.push({ kind, id: `R${clock}`, date: dayIn(period, random()), recordedAt: String(clock), amount: reversal ? -Math.floor(random() * 2_000_000) : Math.floor(random() * 9_000_000), account: random() < 0.5 ? 'A' : 'B', by: 'L' });
        } else {
          const current = quarters[open] ?? '';
          closeWithAdjustments(current, records, finals); // a draft close changes nothing final
          finals.set(current, { ...closeWithAdjustments(current, records, finals), closedAt: clock });
          open += 1;
        }
      }
      // The last open quarter closes after the last record and carries what is left.
      const last = quarters[open] ?? '';
      finals.set(last, { ...closeWithAdjustments(last, records, finals), closedAt: clock + 1 });

      for (const period of quarters.slice(0, open)) {
        const truth = price(period, records);
        for (const staffId of ['L', 'M']) {
          const paid = ownTotal(finals.get(period)?.pay.get(staffId));
          const carried = [...finals.entries()]
            .filter(([carrier]) => carriesFor(carrier, period))
            .flatMap(([, f]) => f.adjustments.get(staffId) ?? [])
            .filter((x) => x.period === period)
            .reduce((total, x) => total + x.amount, 0);
          expect({ seed, period, staffId, paid: paid + carried }).toEqual({ seed, period, staffId, paid: ownTotal(truth.get(staffId)) });
        }
      }
    }
  });
});
