import { describe, expect, it } from 'vitest';
import { type FinaliseDesk, approve, finaliseBlocker, newAdjustment } from '#shared/domain/pay/desk.ts';
import { Conflict, Forbidden } from '#shared/errors.ts';

const adjustment = newAdjustment('A1', '2026-Q1', { staffId: 'L', amount: -50_000, category: 'correction', reason: '重复报销' }, 'C1', '2026-04-02T01:00:00.000Z');

describe('four eyes on a manual adjustment', () => {
  it('is approved by a second person, once', () => {
    const approved = approve(adjustment, 'F1', '2026-04-02T02:00:00.000Z');
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'F1', version: 2 });
    expect(() => approve(approved, 'F2', '2026-04-02T03:00:00.000Z')).toThrow(Conflict);
  });

  it('is never approved by its author, nor by the person it pays', () => {
    expect(() => approve(adjustment, 'C1', '2026-04-02T02:00:00.000Z')).toThrow(Forbidden);
    expect(() => approve(adjustment, 'L', '2026-04-02T02:00:00.000Z')).toThrow(Forbidden);
  });
});

const desk = (over: Partial<FinaliseDesk> = {}): FinaliseDesk => ({
  period: '2026-Q1',
  closedAt: '2026-04-03T00:00:00.000Z',
  pendingAdjustments: false,
  approvedAt: ['2026-04-02T02:00:00.000Z'],
  approvedFor: ['L'],
  withStatement: new Set(['L', 'M']),
  openInquiries: 0,
  ...over,
});
const slugOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof Conflict ? error.slug : 'not a conflict';
  }
  return undefined;
};

describe('what finalise waits for', () => {
  it('lets a closed period with every approved adjustment in its statements through', () => {
    expect(finaliseBlocker(desk())).toBeNull();
  });

  it('waits for pending adjustments, for a re-close after a late approval, and for open inquiries unless forced', () => {
    expect(slugOf(() => finaliseBlocker(desk({ pendingAdjustments: true })))).toBe('adjustments-pending');
    expect(slugOf(() => finaliseBlocker(desk({ approvedAt: ['2026-04-04T00:00:00.000Z'] })))).toBe('reclose-needed');
    expect(slugOf(() => finaliseBlocker(desk({ openInquiries: 2 })))).toBe('open-inquiries');
    expect(finaliseBlocker(desk({ openInquiries: 2, force: { reason: '发薪截止', by: 'C1', at: '2026-04-05T00:00:00.000Z' } }))).toEqual({
      reason: '发薪截止', by: 'C1', at: '2026-04-05T00:00:00.000Z', openInquiries: 2,
    });
  });

  it('refuses when an approved adjustment pays someone the close no longer gives a statement: nothing recorded is left out of pay', () => {
    expect(slugOf(() => finaliseBlocker(desk({ approvedFor: ['L', 'Z'], withStatement: new Set(['L']) })))).toBe('adjustment-without-statement');
  });
});
