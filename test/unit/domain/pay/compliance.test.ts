import { describe, expect, it } from 'vitest';
import { type ComplianceInput, type MeetingFact, computeCompliance } from '#shared/domain/pay/compliance.ts';
import { parsePeriod } from '#shared/domain/pay/period.ts';
import { rational } from '#shared/domain/pay/rational.ts';
import { account, held, policy, q1, reports, visits, workedExample } from '#test/unit/domain/pay/builders.ts';

const review = (heldOn: string, ...attendeeIds: string[]): MeetingFact => ({ type: 'contact_leader_quarterly_review', heldOn, attendeeIds });

const leader = (over: Partial<ComplianceInput> = {}): ComplianceInput => ({
  staffId: 'K',
  role: 'contact_leader',
  period: q1,
  policy,
  meetings: [review('2026-03-20', 'K', 'X')],
  accounts: [account('A', { assignments: [held('contact_leader', 'K', '2025-01-01')] })],
  ...over,
});

describe('compliance of a sales manager (pay.md step 5)', () => {
  it('reproduces the worked example: visits 5/6, reports 6/6, M = 11/12, and names what is missing', () => {
    const { view, exact } = computeCompliance(workedExample());
    expect(view.visits).toEqual({ required: 6, done: 5, counted: 5, missing: 1, ratio: '0.8333' });
    expect(view.reports).toEqual({ required: 6, done: 6, counted: 6, missing: 0, ratio: '1.0000' });
    expect(exact.management).toEqual(rational(11n, 12n));
    expect(view.management).toBe('0.9167');
    expect(view.meetings).toBeUndefined();
    expect(view.accounts.map((a) => [a.accountId, a.visitsRequired, a.visitsDone, a.visitsMissing])).toEqual([
      ['A', 3, 3, 0],
      ['B', 3, 2, 1],
    ]);
  });

  it('caps each account at its requirement, so extra visits on one account do not cover another', () => {
    const input = workedExample();
    const [a, b] = input.accounts;
    if (a === undefined || b === undefined) throw new Error('fixture');
    const busy = { ...a, visits: [...a.visits, ...visits('L', 'routine_visit', '2026-03-10', '2026-03-11')] };
    const { view } = computeCompliance({ ...input, accounts: [busy, b] });
    expect(view.visits).toEqual({ required: 6, done: 7, counted: 5, missing: 1, ratio: '0.8333' });
  });

  it('counts only visits the person made on the account inside the days they held it', () => {
    const input: ComplianceInput = {
      ...workedExample(),
      accounts: [
        account('A', {
          assignments: [held('sales_manager', 'L', '2025-01-01', '2026-02-14'), held('sales_manager', 'M', '2026-02-15')],
          visits: [
            ...visits('L', 'routine_visit', '2025-12-31', '2026-02-14', '2026-02-15', '2026-03-30'),
            ...visits('M', 'routine_visit', '2026-01-05'),
          ],
        }),
      ],
    };
    const row = computeCompliance(input).view.accounts[0];
    expect(row).toMatchObject({ held: [{ from: '2026-01-01', to: '2026-02-14' }], heldDays: 45, f: '0.5000', visitsDone: 1 });
  });

  it('rounds required visits half-up: 45 of 90 days gives 3 × 0.5 = 1.5 → 2, 44 days gives 1.4667 → 1', () => {
    const forDays = (to: string) =>
      computeCompliance({ ...workedExample(), accounts: [account('A', { assignments: [held('sales_manager', 'L', '2026-01-01', to)] })] }).view.accounts[0];
    expect(forDays('2026-02-14')).toMatchObject({ heldDays: 45, visitsRequired: 2, reportsRequired: 2 });
    expect(forDays('2026-02-13')).toMatchObject({ heldDays: 44, visitsRequired: 1, reportsRequired: 1 });
  });

  it('counts a report for the month it covers, once per month, only for months held in the period', () => {
    const input: ComplianceInput = {
      ...workedExample(),
      accounts: [
        account('A', {
          assignments: [held('sales_manager', 'L', '2026-02-10')],
          // December is outside P, January was not held, February twice counts once, M's is not L's.
          reports: [...reports('L', '2025-12', '2026-01', '2026-02', '2026-02'), ...reports('M', '2026-03')],
        }),
      ],
    };
    const row = computeCompliance(input).view.accounts[0];
    expect(row).toMatchObject({ heldDays: 50, reportsRequired: 2, reportsDone: 1, reportsMissing: 1, monthsWithoutReport: ['2026-03'] });
  });

  it('leaves out a component with nothing required, and M with none left', () => {
    const input: ComplianceInput = { ...workedExample(), accounts: [account('A', { assignments: [held('sales_manager', 'L', '2026-03-31')] })] };
    const { view, exact } = computeCompliance(input);
    expect(view.accounts[0]).toMatchObject({ heldDays: 1, visitsRequired: 0, reportsRequired: 0 });
    expect(view.visits.ratio).toBeNull();
    expect(view.reports?.ratio).toBeNull();
    expect(exact.management).toBeUndefined();
    expect(view.management).toBeNull();
  });

  it('asks one visit and one report per account of a month period', () => {
    const { view } = computeCompliance({ ...workedExample(), period: parsePeriod('2026-02') });
    expect(view.visits).toMatchObject({ required: 2, done: 1, ratio: '0.5000' });
    expect(view.reports).toMatchObject({ required: 2, done: 2, ratio: '1.0000' });
  });

  it('ignores accounts the person did not hold in the period', () => {
    const input: ComplianceInput = { ...workedExample(), accounts: [account('Z', { assignments: [held('sales_manager', 'L', '2026-04-01')] })] };
    expect(computeCompliance(input).view.accounts).toEqual([]);
  });
});

describe('compliance of a contact leader (pay.md step 5, domain.md §3.2)', () => {
  it('counts formal visits and receptions but not routine visits', () => {
    const input = leader({
      accounts: [
        account('A', {
          assignments: [held('contact_leader', 'K', '2025-01-01')],
          visits: [...visits('K', 'routine_visit', '2026-01-10', '2026-02-10'), ...visits('K', 'formal_reception', '2026-03-01')],
        }),
      ],
    });
    const { view } = computeCompliance(input);
    expect(view.accounts[0]).toMatchObject({ visitsRequired: 1, visitsDone: 1 });
    const routineOnly = computeCompliance(leader({ accounts: [account('A', { assignments: [held('contact_leader', 'K', '2025-01-01')], visits: visits('K', 'routine_visit', '2026-01-10') })] }));
    expect(routineOnly.view.accounts[0]).toMatchObject({ visitsRequired: 1, visitsDone: 0, visitsMissing: 1 });
  });

  it('requires round-half-up(4 × quarters ÷ 4 × f) visits: 45 of 90 days → 1, 44 → 0, a year → 4', () => {
    const forDays = (to: string) => computeCompliance(leader({ accounts: [account('A', { assignments: [held('contact_leader', 'K', '2026-01-01', to)] })] })).view;
    expect(forDays('2026-02-14').accounts[0]?.visitsRequired).toBe(1);
    expect(forDays('2026-02-13').accounts[0]?.visitsRequired).toBe(0);
    expect(computeCompliance(leader({ period: parsePeriod('2026') })).view.visits.required).toBe(4);
  });

  it('counts quarterly reviews held in the period with the leader among the attendees', () => {
    const meetings = [
      review('2026-03-20', 'K'),
      review('2026-04-01', 'K'), // after P
      review('2026-02-01', 'X'), // K absent
      { type: 'coordination_monthly', heldOn: '2026-02-02', attendeeIds: ['K'] },
    ];
    const { view, exact } = computeCompliance(leader({ meetings }));
    expect(view.meetings).toEqual({ required: 1, done: 1, counted: 1, missing: 0, ratio: '1.0000' });
    expect(exact.meetings).toEqual(rational(1n));
    const year = computeCompliance(leader({ period: parsePeriod('2026'), meetings })).view.meetings;
    expect(year).toEqual({ required: 4, done: 2, counted: 2, missing: 2, ratio: '0.5000' });
  });

  it('takes M as the mean of visits and meetings', () => {
    const { exact } = computeCompliance(leader({ meetings: [] }));
    // Visits 0/1 and meetings 0/1.
    expect(exact.management).toEqual(rational(0n));
    const attended = computeCompliance(leader()).exact;
    expect(attended.visits).toEqual(rational(0n));
    expect(attended.management).toEqual(rational(1n, 2n));
  });

  it('requires no quarterly review of a month: a third of a quarter rounds half-up to 0', () => {
    const { view } = computeCompliance(leader({ period: parsePeriod('2026-03') }));
    expect(view.meetings).toMatchObject({ required: 0, done: 1, ratio: null });
    expect(view.visits.required).toBe(0);
    expect(view.management).toBeNull();
  });

  it('does not ask meetings of a leader who held no account in the period', () => {
    const { view } = computeCompliance(leader({ accounts: [] }));
    expect(view.meetings).toBeUndefined();
    expect(view.management).toBeNull();
  });
});
