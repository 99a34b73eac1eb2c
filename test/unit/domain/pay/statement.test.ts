import { describe, expect, it } from 'vitest';
import { assessPerson, assessRole } from '#shared/domain/pay/assessment.ts';
import { parsePeriod } from '#shared/domain/pay/period.ts';
import { buildStatement, closeStatements } from '#shared/domain/pay/statement.ts';
import { RuleViolation } from '#shared/errors.ts';
import { account, held, policy, q1, reports, visits, workedExample } from '#test/unit/domain/pay/builders.ts';

describe('one person\'s statement (pay.md "Statements")', () => {
  it('gives the worked example\'s base pay 6,000,000 and performance pay 3,600,000 fen, plus the team share', () => {
    const statement = buildStatement({ staffId: 'L', grade: 'P6', period: q1, policy, assessments: [assessRole(workedExample())], teamShare: 1_875_000 });
    expect(statement).toMatchObject({ staffId: 'L', period: '2026-Q1', basePay: 6_000_000, performancePay: 3_600_000, teamShare: 1_875_000, total: 11_475_000 });
    expect(statement.assessments).toHaveLength(1);
    expect(statement.assessments[0]?.ratio).toBe('1.0450');
    expect(statement.explanation).toEqual([
      'Base pay: monthly base of grade P6 2,000,000 fen × 3 months = 6,000,000 fen',
      'Performance pay: sales_manager 3,600,000 fen = 3,600,000 fen',
      'Team share: 1,875,000 fen',
      'Total: 6,000,000 fen + 3,600,000 fen + 1,875,000 fen = 11,475,000 fen',
    ]);
    expect(JSON.parse(JSON.stringify(statement))).toEqual(statement);
  });

  it('pays twelve months of base for a year', () => {
    const year = parsePeriod('2026');
    const statement = buildStatement({ staffId: 'L', grade: 'P6', period: year, policy, assessments: [], teamShare: 0 });
    expect(statement).toMatchObject({ basePay: 24_000_000, performancePay: 0, total: 24_000_000 });
  });

  it('sums the performance pay of both roles and pays the base once', () => {
    const input = workedExample();
    const both = {
      ...input,
      meetings: [{ type: 'contact_leader_quarterly_review', heldOn: '2026-03-01', attendeeIds: ['L'] }],
      accounts: [
        ...input.accounts,
        account('C', {
          assignments: [held('contact_leader', 'L', '2025-01-01')],
          targets: { contract: [1_000_000, 0, 0, 0], collection: [0, 0, 0, 0] },
          projects: [{ contractAmount: 1_000_000, wonOn: '2026-03-03' }],
          visits: visits('L', 'formal_visit', '2026-03-03'),
        }),
      ],
    };
    const assessments = assessPerson(both);
    // Contact leader: contract 1, M = 1 → R = 1.0000, exceeded; sales manager as in the example.
    expect(assessments.map((a) => [a.view.role, a.view.ratio, a.view.performancePay])).toEqual([
      ['contact_leader', '1.0000', 3_600_000],
      ['sales_manager', '1.0450', 3_600_000],
    ]);
    const statement = buildStatement({ staffId: 'L', grade: 'P6', period: q1, policy, assessments, teamShare: 0 });
    expect(statement).toMatchObject({ basePay: 6_000_000, performancePay: 7_200_000, total: 13_200_000 });
  });

  it('refuses a grade missing from the policy and someone else\'s assessment', () => {
    expect(() => buildStatement({ staffId: 'L', grade: 'P9', period: q1, policy, assessments: [], teamShare: 0 })).toThrow(RuleViolation);
    expect(() => buildStatement({ staffId: 'M', grade: 'P6', period: q1, policy, assessments: [assessRole(workedExample())], teamShare: 0 })).toThrow(RangeError);
  });
});

describe('the whole close over plain data', () => {
  it('assesses everyone, shares the team pool among them exactly and writes one statement each', () => {
    const example = workedExample();
    const mAccount = account('D', {
      assignments: [held('sales_manager', 'M', '2025-01-01')],
      targets: { contract: [10_000_000, 0, 0, 0], collection: [10_000_000, 0, 0, 0] },
      projects: [{ contractAmount: 5_000_000, wonOn: '2026-01-05' }],
      payments: [{ amount: 5_000_000, receivedOn: '2026-01-06' }],
      visits: visits('M', 'routine_visit', '2026-01-05', '2026-02-05', '2026-03-05'),
      reports: reports('M', '2026-01', '2026-02', '2026-03'),
    });
    const { team, statements } = closeStatements({
      period: q1,
      policy,
      meetings: [],
      people: [
        { staffId: 'L', grade: 'P6', peerScores: [], accounts: example.accounts },
        { staffId: 'M', grade: 'P8', peerScores: [], accounts: [mAccount] },
        { staffId: 'N', grade: 'P6', peerScores: [], accounts: [] }, // held nothing: not assessed, not on the team
      ],
      teamAccounts: [...example.accounts, mAccount].map((a) => ({ ...a, keyIntervals: [{ from: '2025-01-01', to: null }] })),
    });
    expect(statements.map((s) => s.staffId)).toEqual(['L', 'M']);
    expect(team.members.map((m) => [m.staffId, m.weight])).toEqual([
      ['L', '1.2'],
      ['M', '1.0'],
    ]);
    expect(statements.reduce((a, s) => a + s.teamShare, 0)).toBe(team.poolAmount);
    const [l, m] = statements;
    expect(l).toMatchObject({ basePay: 6_000_000, performancePay: 3_600_000 });
    // M: 0.6 × 0.5 + 0.25 × 0.5 + 0.15 × 1 = 0.575 → not_completed.
    expect(m).toMatchObject({ basePay: 9_000_000, performancePay: 0, assessments: [{ ratio: '0.5750', tier: 'not_completed' }] });
    for (const s of statements) expect(s.total).toBe(s.basePay + s.performancePay + s.teamShare);
  });
});
