import { describe, expect, it } from 'vitest';
import { PayPolicyBody, PeerScoreBody } from '#shared/schemas/pay.ts';

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
