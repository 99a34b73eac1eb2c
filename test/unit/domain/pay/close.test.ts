import { describe, expect, it } from 'vitest';
import { bestAssessment, canonical, periodToClose, sameSuggestion, statementDigest } from '#shared/domain/pay/close.ts';

describe('the close rules', () => {
  it('picks the best assessment by the ratio R as a number, also once R reaches 10 (the cap may be that high)', () => {
    const person = { assessments: [{ role: 'contact_leader', ratio: '9.5000' }, { role: 'sales_manager', ratio: '10.2500' }] };
    // As text "10.2500" sorts below "9.5000"; as numbers it is the larger.
    expect(bestAssessment(person)?.role).toBe('sales_manager');
    expect(bestAssessment({ assessments: [{ role: 'a', ratio: '12.0000' }, { role: 'b', ratio: '2.0000' }, { role: 'c', ratio: '11.9999' }] })?.role).toBe('a');
    expect(bestAssessment({ assessments: [] })).toBeUndefined();
  });

  it('closes the period that ended just before the schedule fired', () => {
    // 01:30 on 1 October in Shanghai is 17:30 on 30 September UTC.
    expect(periodToClose('quarter', new Date('2026-09-30T17:30:00Z'))).toBe('2026-Q3');
    expect(periodToClose('year', new Date('2026-12-31T17:30:00Z'))).toBe('2026');
  });

  it('writes JSON with keys in one order at every depth', () => {
    expect(canonical({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('digests what a statement says, whatever its key order, version, status or close time', () => {
    const computed = { staffId: 'L', period: '2026-Q1', total: 9_600_000, assessments: [{ role: 'sales_manager', ratio: '1.0450' }] };
    const stored = { closedAt: '2026-04-01T00:00:00Z', status: 'final', version: 3, assessments: [{ ratio: '1.0450', role: 'sales_manager' }], total: 9_600_000, period: '2026-Q1', staffId: 'L' };
    expect(statementDigest(stored as never)).toBe(statementDigest(computed as never));
    expect(statementDigest(computed as never)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statementDigest({ ...computed, total: 9_600_001 } as never)).not.toBe(statementDigest(computed as never));
  });

  it('knows a talent suggestion the pool already holds, whatever was confirmed meanwhile', () => {
    const kept = { year: 2026, staffId: 'L', name: '销售经理L', annualTier: 'exceeded' as const, suggestedGrade: 'B' as const, confirmedGrade: 'A' as const, confirmedBy: 'C', certification: { level: 'junior' as const, awardedOn: '2026-01-01' }, version: 4 };
    const next = { ...kept, confirmedGrade: null, confirmedBy: null, certification: { level: 'junior' as const, awardedOn: '2026-01-01' }, version: 1 };
    expect(sameSuggestion(kept, next)).toBe(true);
    expect(sameSuggestion(kept, { ...next, suggestedGrade: 'C' })).toBe(false);
    expect(sameSuggestion(kept, { ...next, certification: { level: 'senior', awardedOn: '2026-01-01' } })).toBe(false);
    expect(sameSuggestion(kept, { ...next, certification: null })).toBe(false);
    expect(sameSuggestion({ ...kept, certification: null }, { ...next, certification: null })).toBe(true);
  });
});
