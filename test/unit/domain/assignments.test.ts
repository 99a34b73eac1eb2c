import { describe, expect, it } from 'vitest';
import { type Assignment, currentAssignment, historyProblems, holderOn, reassign } from '#shared/domain/assignments.ts';
import { addDays, daysInclusive } from '#shared/domain/dates.ts';
import { RuleViolation } from '#shared/errors.ts';

const designated: Assignment = { role: 'sales_manager', staffId: 'L', from: '2026-01-01', to: null, reason: 'designation' };

describe('assignment intervals', () => {
  it('ends the current interval the day before a reassignment takes effect', () => {
    const { closed, opened } = reassign(designated, 'M', '2026-03-01', 'unfit');
    expect(closed).toEqual({ ...designated, to: '2026-02-28' });
    expect(opened).toEqual({ role: 'sales_manager', staffId: 'M', from: '2026-03-01', to: null, reason: 'unfit' });
    expect(historyProblems([closed, opened])).toEqual([]);
  });

  it('answers who held a role on any day, on the boundary days too', () => {
    const { closed, opened } = reassign(designated, 'M', '2026-03-01', 'unfit');
    const leader: Assignment = { role: 'contact_leader', staffId: 'K', from: '2026-01-01', to: null, reason: 'designation' };
    const history = [opened, leader, closed];
    expect(holderOn(history, 'sales_manager', '2025-12-31')).toBeUndefined();
    expect(holderOn(history, 'sales_manager', '2026-01-01')).toBe('L');
    expect(holderOn(history, 'sales_manager', '2026-02-28')).toBe('L');
    expect(holderOn(history, 'sales_manager', '2026-03-01')).toBe('M');
    expect(holderOn(history, 'contact_leader', '2026-03-01')).toBe('K');
    expect(currentAssignment(history, 'sales_manager')?.staffId).toBe('M');
  });

  it('refuses a reassignment on or before the day the current holder started, or to the same person', () => {
    expect(() => reassign(designated, 'M', '2026-01-01', 'other')).toThrow(RuleViolation);
    expect(() => reassign(designated, 'M', '2025-12-01', 'other')).toThrow(RuleViolation);
    expect(() => reassign(designated, 'L', '2026-05-01', 'other')).toThrow(RuleViolation);
  });

  it('finds gaps, overlaps and intervals left open', () => {
    const a = { ...designated, to: '2026-01-31' };
    expect(historyProblems([a, { ...designated, from: '2026-02-02' }])).toEqual(['sales_manager: gap between 2026-01-31 and 2026-02-02']);
    expect(historyProblems([a, { ...designated, from: '2026-01-31' }])).toEqual(['sales_manager: 2026-01-01..2026-01-31 overlaps 2026-01-31']);
    expect(historyProblems([designated, { ...designated, from: '2026-02-01' }])).toHaveLength(1);
  });

  it('keeps a chain of reassignments free of gaps and overlaps, across month and leap-day ends', () => {
    let current = { ...designated, from: '2027-12-15' };
    const history: Assignment[] = [];
    for (const day of ['2028-01-01', '2028-02-29', '2028-03-01', '2028-12-31', '2029-01-01']) {
      const { closed, opened } = reassign(current, `P${day}`, day, 'other');
      history.push(closed);
      current = opened;
    }
    history.push(current);
    expect(historyProblems(history)).toEqual([]);
    expect(history.find((a) => a.from === '2028-01-01')?.to).toBe('2028-02-28');
  });
});

describe('calendar days', () => {
  it('adds days across month, year and leap-year ends and counts both ends', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysInclusive('2026-01-01', '2026-03-31')).toBe(90);
    expect(daysInclusive('2026-02-01', '2026-01-31')).toBe(0);
  });
});
