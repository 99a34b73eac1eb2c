import { describe, expect, it } from 'vitest';
import { bestAssessment, canonical, periodToClose } from '#shared/domain/pay/close.ts';

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
});
