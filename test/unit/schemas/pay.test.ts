import { describe, expect, it } from 'vitest';
import { assessPerson } from '#shared/domain/pay/assessment.ts';
import { buildStatement, closeStatements } from '#shared/domain/pay/statement.ts';
import { BulletinTeam, PayPolicyBody, PeerScoreBody, Statement } from '#shared/schemas/pay.ts';
import { account, held, policy, q1, reports, visits, workedExample } from '#test/unit/domain/pay/builders.ts';

const grades = [{ grade: 'P6', monthlyBase: 2_000_000, quarterlyPerformanceBase: 3_000_000, annualPerformanceBase: 12_000_000 }];
const issues = (body: unknown) => {
  const result = PayPolicyBody.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the pay policy body’s bounds', () => {
  it('refuses a grade with a control character, and keeps a Chinese one', () => {
    expect(issues({ grades: [{ ...grades[0], grade: 'a\u0000b' }] })).toEqual(['grades.0.grade: must be one line without control characters or lone surrogates']);
    expect(PayPolicyBody.parse({ grades: [{ ...grades[0], grade: '高级经理' }] }).grades[0]?.grade).toBe('高级经理');
  });

  it('bounds rates in both forms: at most 6 places and 6 integer digits', () => {
    expect(issues({ grades, attainmentCap: '1.123456' })).toEqual([]);
    expect(issues({ grades, attainmentCap: 1.123456 })).toEqual([]);
    expect(issues({ grades, attainmentCap: '1.1234567' })).toEqual(['attainmentCap: must have at most 6 decimal places']);
    expect(issues({ grades, attainmentCap: 1.1234567 })).toEqual(['attainmentCap: must have at most 6 decimal places']);
    expect(issues({ grades, attainmentCap: '1000000' })).toEqual(['attainmentCap: must be less than 1000000']);
    expect(issues({ grades, attainmentCap: 1e308 })).toHaveLength(1);
    expect(issues({ grades, attainmentCap: 1e-300 })).toHaveLength(1);
    expect(issues({ grades, team: { quarterlyPool: JSON.parse('9007199254740993') } })).toContainEqual(expect.stringMatching(/^team.quarterlyPool: Too big/));
  });
});

describe('a peer score', () => {
  it('is 0–100 with at most 2 places, and its comment may span lines', () => {
    expect(PeerScoreBody.safeParse({ period: '2026-Q1', targetStaffId: 'x1', score: 1e-300 }).success).toBe(false);
    expect(PeerScoreBody.parse({ period: '2026-Q1', targetStaffId: 'x1', score: 87.25, comment: '沟通及时\n回款稳定' }).comment).toBe('沟通及时\n回款稳定');
  });
});

describe('the published Statement schema', () => {
  it('describes every field the close writes: parsing a computed statement and the team keeps all of it', () => {
    const example = workedExample();
    const both = {
      ...example,
      peerScores: [80, 90.5],
      meetings: [{ type: 'contact_leader_quarterly_review' as const, heldOn: '2026-03-01', attendeeIds: ['L'] }],
      accounts: [
        ...example.accounts,
        account('C', {
          assignments: [held('contact_leader', 'L', '2025-01-01')],
          targets: { contract: [1_000_000, 0, 0, 0], collection: [0, 0, 0, 0] },
          projects: [{ contractAmount: 1_000_000, wonOn: '2026-03-03' }],
          visits: visits('L', 'formal_visit', '2026-03-03'),
          reports: reports('L', '2026-01'),
        }),
      ],
    };
    const computed = buildStatement({ staffId: 'L', grade: 'P6', period: q1, policy, assessments: assessPerson(both), teamShare: 10 });
    const stored = { ...JSON.parse(JSON.stringify(computed)), version: 1, status: 'draft', closedAt: '2026-04-01T00:00:00.000Z' };
    expect(stored.assessments).toHaveLength(2);
    // The optional parts are there, so the schema is checked on them too.
    expect(Object.keys(stored.assessments[0])).toEqual(expect.arrayContaining(['meetings', 'peerScore', 'managementParts']));
    expect(Object.keys(stored.assessments[1])).toEqual(expect.arrayContaining(['reports', 'peerScore']));
    expect(Statement.parse(stored)).toEqual(stored);

    const { team } = closeStatements({
      period: q1,
      policy,
      meetings: [],
      people: [{ staffId: 'L', grade: 'P6', peerScores: [], accounts: example.accounts }],
      teamAccounts: example.accounts.map((a) => ({ ...a, keyIntervals: [{ from: '2025-01-01', to: null }] })),
    });
    const plain = JSON.parse(JSON.stringify(team));
    expect(BulletinTeam.parse(plain)).toEqual(plain);
  });
});
