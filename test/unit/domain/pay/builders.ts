import type { AccountRole, Assignment } from '#shared/domain/assignments.ts';
import type { AssessmentAccount, AssessmentInput } from '#shared/domain/pay/assessment.ts';
import type { ReportFact, VisitFact, VisitType } from '#shared/domain/pay/compliance.ts';
import { parsePeriod } from '#shared/domain/pay/period.ts';
import { type PayPolicy, mergeWithDefaults } from '#shared/domain/pay/policy.ts';
import { equalSplit } from '#shared/domain/targets.ts';

/** Grade P6 of pay.md's worked example (the annual base is ours: the example has none). */
export const policy: PayPolicy = mergeWithDefaults({
  grades: [
    { grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 },
    { grade: 'P8', monthlyBase: 3_000_000, quarterlyPerformanceBase: 5_000_000, annualPerformanceBase: 20_000_000 },
  ],
  team: { quarterlyPool: 10_000_000, annualPool: 40_000_000 },
});

export const q1 = parsePeriod('2026-Q1');

export const held = (role: AccountRole, staffId: string, from: string, to: string | null = null): Assignment => ({
  role,
  staffId,
  from,
  to,
  reason: 'designation',
});

export const visits = (madeBy: string, type: VisitType, ...days: string[]): VisitFact[] => days.map((visitedOn) => ({ type, visitedOn, madeBy }));
export const reports = (filedBy: string, ...months: string[]): ReportFact[] => months.map((month) => ({ month, filedBy }));

export const account = (accountId: string, over: Partial<AssessmentAccount> = {}): AssessmentAccount => ({
  accountId,
  assignments: [],
  visits: [],
  reports: [],
  projects: [],
  payments: [],
  ...over,
});

/** pay.md's worked example: L, sales manager of A and B for the whole of 2026-Q1. */
export const workedExample = (): AssessmentInput => ({
  staffId: 'L',
  role: 'sales_manager',
  grade: 'P6',
  period: q1,
  policy,
  meetings: [],
  peerScores: [],
  accounts: [
    account('A', {
      assignments: [held('sales_manager', 'L', '2025-07-01'), held('contact_leader', 'K', '2025-07-01')],
      targets: { contract: equalSplit(400_000_000), collection: equalSplit(320_000_000) },
      projects: [
        { contractAmount: 130_000_000, wonOn: '2026-02-10' },
        { contractAmount: 99_000_000, wonOn: '2025-12-31' }, // before P
      ],
      payments: [
        { amount: 60_000_000, receivedOn: '2026-03-20' },
        { amount: 5_000_000, receivedOn: '2026-04-01' }, // after P
      ],
      visits: visits('L', 'routine_visit', '2026-01-12', '2026-02-03', '2026-03-09'),
      reports: reports('L', '2026-01', '2026-02', '2026-03'),
    }),
    account('B', {
      assignments: [held('sales_manager', 'L', '2025-07-01'), held('contact_leader', 'K', '2025-07-01')],
      targets: { contract: equalSplit(200_000_000), collection: equalSplit(160_000_000) },
      projects: [{ contractAmount: 50_000_000, wonOn: '2026-03-05' }],
      payments: [{ amount: 30_000_000, receivedOn: '2026-01-30' }],
      visits: visits('L', 'formal_visit', '2026-01-20', '2026-03-02'),
      reports: reports('L', '2026-01', '2026-02', '2026-03'),
    }),
  ],
});
