import { describe, expect, it } from 'vitest';
import { type AssessmentInput, assessPerson, assessRole, rolesHeld } from '#shared/domain/pay/assessment.ts';
import { parsePeriod } from '#shared/domain/pay/period.ts';
import { mergeWithDefaults } from '#shared/domain/pay/policy.ts';
import { parseDecimal, rational } from '#shared/domain/pay/rational.ts';
import { equalSplit } from '#shared/domain/targets.ts';
import { account, held, policy, q1, reports, visits, workedExample } from '#test/unit/domain/pay/builders.ts';

/**
 * Only the contract component: L holds A for one day (f = 1/90, so no visit or report is
 * required and M is left out) and A has no collection target. C ÷ Tc is then R exactly.
 */
const contractOnly = (credit: number, target: number, peerScores: number[] = []): AssessmentInput => ({
  ...workedExample(),
  peerScores,
  accounts: [
    account('A', {
      assignments: [held('sales_manager', 'L', '2026-03-31')],
      targets: { contract: [target * 90, 0, 0, 0], collection: [0, 0, 0, 0] },
      projects: [{ contractAmount: credit, wonOn: '2026-03-31' }],
    }),
  ],
});

describe('pay.md\'s worked example', () => {
  it('gives R = 1.0450, exceeded, and 3,600,000 fen of performance pay', () => {
    const { view, exact } = assessRole(workedExample());
    expect(view).toMatchObject({
      role: 'sales_manager',
      ratio: '1.0450',
      tier: 'exceeded',
      coefficient: '1.2',
      demoted: false,
      components: { contract: '1.2000', collection: '0.7500', management: '0.9167' },
      managementParts: { visits: '0.8333', reports: '1.0000' },
      contractTargetAmount: 150_000_000,
      collectionTargetAmount: 120_000_000,
      contractCreditAmount: 180_000_000,
      collectionCreditAmount: 90_000_000,
      performancePay: 3_600_000,
    });
    expect(exact.unroundedRatio).toEqual(parseDecimal('1.045'));
    expect(exact.management).toEqual(rational(11n, 12n));
    expect(view.accounts.map((a) => [a.accountId, a.f, a.contractTargetAmount, a.contractCreditAmount, a.collectionTargetAmount, a.collectionCreditAmount])).toEqual([
      ['A', '1.0000', 100_000_000, 130_000_000, 80_000_000, 60_000_000],
      ['B', '1.0000', 50_000_000, 50_000_000, 40_000_000, 30_000_000],
    ]);
  });

  it('explains every step in lines built with the numbers', () => {
    const { explanation } = assessRole(workedExample()).view;
    expect(explanation).toContain('Contract: C 180,000,000 fen ÷ Tc 150,000,000 fen = 1.2000, cap 1.50 → 1.2000');
    expect(explanation).toContain('Management M = mean(0.8333 (5/6), 1.0000) = 0.9167 (11/12)');
    expect(explanation).toContain('R = (0.6 × 1.2000 + 0.25 × 0.7500 + 0.15 × 0.9167 (11/12)) ÷ 1 = 1.0450 → rounded half-up 1.0450');
    expect(explanation.at(-1)).toBe('Performance pay = quarterly performance base of grade P6 3,000,000 fen × exceeded coefficient 1.2 = 3,600,000 fen');
  });

  it('falls to basically_completed and 2,400,000 fen when department staff scored L 55 on average', () => {
    const { view } = assessRole({ ...workedExample(), peerScores: [50, 60, 55] });
    expect(view).toMatchObject({ ratio: '1.0450', tier: 'basically_completed', coefficient: '0.8', demoted: true, performancePay: 2_400_000, peerScore: { average: '55.0000', count: 3 } });
    expect(view.demotionReason).toBe('average peer score 55.0000 from 3 scores is below 60: one tier down from exceeded to basically_completed');
  });

  it('gives the same statement every time from the same data', () => {
    expect(assessRole(workedExample())).toEqual(assessRole(workedExample()));
    const input = workedExample();
    expect(assessRole({ ...input, accounts: [...input.accounts].reverse() }).view.ratio).toBe('1.0450');
  });
});

describe('the peer-score demotion (pay.md step 7)', () => {
  it('demotes only when the average is below the threshold, not at it', () => {
    expect(assessRole({ ...workedExample(), peerScores: [60] }).view).toMatchObject({ tier: 'exceeded', demoted: false });
    expect(assessRole({ ...workedExample(), peerScores: [59, 60] }).view).toMatchObject({ tier: 'basically_completed', demoted: true });
    expect(assessRole({ ...workedExample(), peerScores: [] }).view.peerScore).toBeUndefined();
  });

  it('never goes below not_completed', () => {
    const { view } = assessRole(contractOnly(10_000, 100_000, [10]));
    expect(view).toMatchObject({ ratio: '0.1000', tier: 'not_completed', coefficient: '0', demoted: false, performancePay: 0 });
    expect(view.demotionReason).toBeUndefined();
    expect(view.explanation).toContain('Peer scores: average peer score 10.0000 from 1 score is below 60, but not_completed is already the lowest tier');
  });

  it('uses the policy\'s threshold', () => {
    const lenient = mergeWithDefaults({ grades: [...policy.grades], peerScore: { threshold: 50 } });
    expect(assessRole({ ...workedExample(), policy: lenient, peerScores: [55] }).view.tier).toBe('exceeded');
  });
});

describe('tier boundaries: R is rounded half-up to 4 places before the lookup (pay.md "Numbers")', () => {
  const cases: [number, string, string][] = [
    [0, '0.0000', 'not_completed'],
    [79_994, '0.7999', 'not_completed'],
    [79_995, '0.8000', 'basically_completed'],
    [80_000, '0.8000', 'basically_completed'],
    [99_994, '0.9999', 'basically_completed'],
    [99_995, '1.0000', 'exceeded'],
    [100_000, '1.0000', 'exceeded'],
    [119_994, '1.1999', 'exceeded'],
    [119_995, '1.2000', 'outstanding'],
    [120_000, '1.2000', 'outstanding'],
  ];
  for (const [credit, ratio, tier] of cases) {
    it(`C/Tc = ${credit}/100000 gives R ${ratio}, ${tier}`, () => {
      const { view, exact } = assessRole(contractOnly(credit, 100_000));
      expect(exact.unroundedRatio).toEqual(rational(BigInt(credit), 100_000n));
      expect(Object.keys(view.components)).toEqual(['contract']);
      expect([view.ratio, view.tier]).toEqual([ratio, tier]);
    });
  }
});

describe('attainment (pay.md step 4)', () => {
  it('caps contract and collection at 1.50 before weighting', () => {
    const input = workedExample();
    const [a, b] = input.accounts;
    if (a === undefined || b === undefined) throw new Error('fixture');
    const big = { ...a, projects: [{ contractAmount: 250_000_000, wonOn: '2026-01-15' }] };
    const { view } = assessRole({ ...input, accounts: [big, b] });
    // C = 300,000,000 ÷ 150,000,000 = 2 → 1.5; R = 0.9 + 0.1875 + 0.1375 = 1.225.
    expect(view).toMatchObject({ components: { contract: '1.5000' }, contractCreditAmount: 300_000_000, ratio: '1.2250', tier: 'outstanding', performancePay: 4_500_000 });
  });

  it('leaves out a component whose target is 0 and scales the other weights up', () => {
    const input = workedExample();
    const noCollection = input.accounts.map((a) => ({ ...a, targets: { contract: a.targets?.contract ?? [], collection: [0, 0, 0, 0] } }));
    const { view, exact } = assessRole({ ...input, accounts: noCollection });
    // (0.6 × 1.2 + 0.15 × 11/12) ÷ 0.75 = 0.8575 ÷ 0.75 = 1.14333…
    expect(exact.unroundedRatio).toEqual(rational(343n, 300n));
    expect(view.components).toEqual({ contract: '1.2000', management: '0.9167' });
    expect(view).toMatchObject({ ratio: '1.1433', tier: 'exceeded' });
    expect(view.explanation).toContain('Collection: target 0, left out and the other weights scaled up');
  });

  it('gives R = 0 when nothing at all is assessed', () => {
    const { view } = assessRole({ ...contractOnly(0, 0) });
    expect(view).toMatchObject({ ratio: '0.0000', tier: 'not_completed', components: {}, performancePay: 0 });
  });
});

describe('proration by the days held (pay.md steps 1–3)', () => {
  // L holds A to 2026-02-14 (45 days), M from 2026-02-15 (45 days) of the 90 in 2026-Q1.
  const reassigned = (staffId: 'L' | 'M'): AssessmentInput => ({
    ...workedExample(),
    staffId,
    accounts: [
      account('A', {
        assignments: [held('sales_manager', 'L', '2025-07-01', '2026-02-14'), held('sales_manager', 'M', '2026-02-15')],
        targets: { contract: equalSplit(360_000_000), collection: equalSplit(240_000_000) },
        projects: [
          { contractAmount: 20_000_000, wonOn: '2026-02-14' },
          { contractAmount: 30_000_000, wonOn: '2026-02-15' },
        ],
        payments: [
          { amount: 10_000_000, receivedOn: '2026-01-05' },
          { amount: 40_000_000, receivedOn: '2026-03-31' },
        ],
        visits: [...visits('L', 'routine_visit', '2026-01-10', '2026-02-10'), ...visits('M', 'routine_visit', '2026-03-10')],
        reports: [...reports('L', '2026-01', '2026-02'), ...reports('M', '2026-03')],
      }),
    ],
  });

  it('gives each holder half the quarter targets and the credits of their own days', () => {
    const l = assessRole(reassigned('L'));
    expect(l.view.accounts[0]).toMatchObject({
      heldDays: 45,
      f: '0.5000',
      contractTargetAmount: 45_000_000,
      collectionTargetAmount: 30_000_000,
      contractCreditAmount: 20_000_000,
      collectionCreditAmount: 10_000_000,
      visitsRequired: 2,
      visitsDone: 2,
      reportsRequired: 2,
      reportsDone: 2,
    });
    // 0.6 × 4/9 + 0.25 × 1/3 + 0.15 × 1 = 0.5 exactly.
    expect(l.exact.unroundedRatio).toEqual(rational(1n, 2n));
    expect(l.view).toMatchObject({ ratio: '0.5000', tier: 'not_completed' });

    const m = assessRole(reassigned('M'));
    expect(m.view.accounts[0]).toMatchObject({ heldDays: 45, contractCreditAmount: 30_000_000, collectionCreditAmount: 40_000_000, visitsDone: 1, reportsDone: 1 });
    // 0.6 × 2/3 + 0.25 × 4/3 + 0.15 × 1/2 = 0.80833…
    expect(m.view).toMatchObject({ ratio: '0.8083', tier: 'basically_completed', components: { contract: '0.6667', collection: '1.3333', management: '0.5000' } });
  });

  it('keeps a fractional prorated target exact and shows it rounded to the fen', () => {
    const input = reassigned('L');
    const a = input.accounts[0];
    if (a === undefined) throw new Error('fixture');
    const odd = { ...a, targets: { contract: [100_000_001, 0, 0, 0], collection: [0, 0, 0, 0] } };
    const { view, exact } = assessRole({ ...input, accounts: [odd] });
    expect(exact.contractTarget).toEqual(rational(100_000_001n, 2n));
    expect(view.accounts[0]?.contractTargetAmount).toBe(50_000_001);
  });
});

describe('roles and periods', () => {
  // P is sales manager of A and contact leader of B for the whole of 2026-Q1.
  const both = (): Omit<AssessmentInput, 'role'> => ({
    staffId: 'P',
    grade: 'P8',
    period: q1,
    policy,
    peerScores: [],
    meetings: [{ type: 'contact_leader_quarterly_review', heldOn: '2026-03-25', attendeeIds: ['P'] }],
    accounts: [
      account('A', {
        assignments: [held('sales_manager', 'P', '2025-01-01'), held('contact_leader', 'K', '2025-01-01')],
        targets: { contract: equalSplit(400_000_000), collection: equalSplit(400_000_000) },
        projects: [{ contractAmount: 100_000_000, wonOn: '2026-01-20' }],
        payments: [{ amount: 100_000_000, receivedOn: '2026-02-20' }],
        visits: visits('P', 'routine_visit', '2026-01-02', '2026-02-02', '2026-03-02'),
        reports: reports('P', '2026-01', '2026-02', '2026-03'),
      }),
      account('B', {
        assignments: [held('sales_manager', 'S', '2025-01-01'), held('contact_leader', 'P', '2025-01-01')],
        targets: { contract: equalSplit(400_000_000), collection: equalSplit(400_000_000) },
        projects: [{ contractAmount: 80_000_000, wonOn: '2026-03-01' }],
        payments: [{ amount: 80_000_000, receivedOn: '2026-03-02' }],
        visits: visits('P', 'formal_visit', '2026-02-14'),
      }),
    ],
  });

  it('gives a person holding both roles one assessment per role, each with its own accounts', () => {
    const input = both();
    expect(rolesHeld('P', input.accounts, q1)).toEqual(['contact_leader', 'sales_manager']);
    const [cl, sm] = assessPerson(input);
    // 0.6 × 0.8 + 0.25 × 0.8 + 0.15 × 1 = 0.83.
    expect(cl?.view).toMatchObject({ role: 'contact_leader', ratio: '0.8300', tier: 'basically_completed', performancePay: 4_000_000, managementParts: { visits: '1.0000', meetings: '1.0000' } });
    expect(cl?.view.accounts.map((a) => a.accountId)).toEqual(['B']);
    expect(sm?.view).toMatchObject({ role: 'sales_manager', ratio: '1.0000', tier: 'exceeded', performancePay: 6_000_000 });
    expect(sm?.view.accounts.map((a) => a.accountId)).toEqual(['A']);
  });

  it('gives both holders of an account full credit for it', () => {
    const k = assessRole({ ...both(), staffId: 'K', role: 'contact_leader' });
    expect(k.view.contractCreditAmount).toBe(100_000_000);
  });

  it('uses the annual performance base for a year', () => {
    const { view } = assessRole({ ...workedExample(), period: parsePeriod('2026') });
    // Year targets 600,000,000 / 480,000,000; C 180,000,000, K 95,000,000 (April's payment is in the year now);
    // visits 5/24, reports 6/24: 0.6 × 0.3 + 0.25 × 95/480 + 0.15 × 11/48 = 0.26385…
    expect(view.visits).toMatchObject({ required: 24, counted: 5 });
    expect(view.reports).toMatchObject({ required: 24, counted: 6 });
    expect(view).toMatchObject({ ratio: '0.2639', tier: 'not_completed', performancePay: 0 });
    // No visit or report rules: the contract alone, met exactly, gives exceeded × the annual base.
    const contractRules = mergeWithDefaults({ grades: [...policy.grades], visitRules: { salesManagerPerMonth: 0 }, reportRules: { salesManagerPerMonth: 0 } });
    const whole = account('A', {
      assignments: [held('sales_manager', 'L', '2025-01-01')],
      targets: { contract: equalSplit(1_000_000), collection: [0, 0, 0, 0] },
      projects: [{ contractAmount: 1_000_000, wonOn: '2026-12-31' }],
    });
    const pay = assessRole({ ...workedExample(), policy: contractRules, period: parsePeriod('2026'), accounts: [whole] });
    expect(pay.view).toMatchObject({ ratio: '1.0000', tier: 'exceeded', components: { contract: '1.0000' }, performancePay: 14_400_000 });
  });

  it('refuses to assess pay for a month', () => {
    expect(() => assessRole({ ...workedExample(), period: parsePeriod('2026-01') })).toThrow(RangeError);
  });
});
