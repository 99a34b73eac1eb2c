import { describe, expect, it } from 'vitest';
import { aging, applyUpdate, lose, loopAmounts, loopStep, newOpportunity, win } from '#shared/domain/business.ts';
import { Conflict } from '#shared/errors.ts';
import type { Project } from '#shared/schemas/business.ts';

const opportunity = () =>
  newOpportunity('O1', { accountId: 'A1', title: '智慧园区', source: 'client_visit', estimatedAmount: 1_000_000 }, 'M1', '2026-01-05', '2026-01-05T02:00:00Z');
const project = (over: Partial<Project>): Project => ({
  id: 'P', opportunityId: 'O1', accountId: 'A1', name: 'p', department: 'D', contractAmount: 100, wonOn: '2026-02-10',
  deliveredOn: null, invoicedAmount: 0, paidAmount: 0, version: 1, ...over,
});

describe('the opportunity lifecycle', () => {
  it('starts open, moves between open stages with dated notes, and records its last activity', () => {
    const moved = applyUpdate(opportunity(), { note: '方案已提交', stage: 'proposal' }, '2026-01-20');
    expect(moved).toMatchObject({ stage: 'proposal', lastActivityOn: '2026-01-20', version: 2 });
    expect(applyUpdate(moved, { note: 'late note' }, '2026-01-10').lastActivityOn).toBe('2026-01-20');
  });

  it('never reopens a closed opportunity: no stage change, no second win or loss', () => {
    const won = win(opportunity(), '2026-02-10', ['P1']);
    expect(won).toMatchObject({ stage: 'won', wonOn: '2026-02-10', projectIds: ['P1'] });
    expect(() => applyUpdate(won, { note: 'reopen', stage: 'open' }, '2026-03-01')).toThrow(Conflict);
    expect(() => win(won, '2026-03-01', [])).toThrow(Conflict);
    expect(() => lose(won, '2026-03-01', 'x')).toThrow(Conflict);
    expect(applyUpdate(won, { note: '客户满意' }, '2026-03-01').stage).toBe('won');
    const lost = lose(opportunity(), '2026-02-01', '价格');
    expect(() => win(lost, '2026-03-01', [])).toThrow(Conflict);
  });
});

describe('the closed loop', () => {
  it('sums contracted, delivered, invoiced and paid, and what is outstanding at each step', () => {
    const amounts = loopAmounts([
      project({ contractAmount: 100, deliveredOn: '2026-03-01', invoicedAmount: 100, paidAmount: 40 }),
      project({ contractAmount: 50, invoicedAmount: 20 }),
    ]);
    expect(amounts).toEqual({
      contractAmount: 150, deliveredAmount: 100, invoicedAmount: 120, paidAmount: 40,
      toDeliverAmount: 50, toInvoiceAmount: 30, toCollectAmount: 80,
    });
  });

  it('names the furthest step all projects have reached', () => {
    const won = win(opportunity(), '2026-02-10', ['P']);
    const step = (p: Partial<Project>) => loopStep(won, loopAmounts([project(p)]));
    expect(loopStep(opportunity(), loopAmounts([]))).toBe('open');
    expect(loopStep(lose(opportunity(), '2026-02-01', 'x'), loopAmounts([]))).toBe('lost');
    expect(step({})).toBe('won');
    expect(step({ deliveredOn: '2026-03-01' })).toBe('delivered');
    expect(step({ deliveredOn: '2026-03-01', invoicedAmount: 100 })).toBe('invoiced');
    expect(step({ deliveredOn: '2026-03-01', invoicedAmount: 100, paidAmount: 100 })).toBe('paid');
  });
});

describe('receivable aging', () => {
  it.each([
    ['2026-03-31', '2026-03-01', -30, 'current'],
    ['2026-03-31', '2026-03-31', 0, 'current'],
    ['2026-03-31', '2026-04-01', 1, 'days1to30'],
    ['2026-03-31', '2026-04-30', 30, 'days1to30'],
    ['2026-03-31', '2026-05-01', 31, 'days31to90'],
    ['2026-03-31', '2026-06-29', 90, 'days31to90'],
    ['2026-03-31', '2026-06-30', 91, 'days90plus'],
  ])('due %s, seen on %s: %i days overdue, %s', (dueOn, asOf, days, bucket) => {
    expect(aging(dueOn, asOf)).toEqual({ daysOverdue: days, bucket });
  });
});
