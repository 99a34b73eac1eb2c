import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysAfter } from '#shared/domain/loyalty/calendar.ts';
import { deadlinesFrom, overdueOn } from '#shared/domain/loyalty/feedback.ts';
import { defaultLoyaltyPolicy } from '#shared/domain/loyalty/policy.ts';

// 2026: National Day holidays 1–7 October, Sunday 27 September and Saturday 10 October worked (调休).
const calendars = new Map([[2026, { year: 2026, holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-09-27', '2026-10-10'] }]]);
const none = new Map();

describe('working days in Asia/Shanghai', () => {
  it('skip weekends', () => {
    expect(isWorkingDay('2026-03-06', none)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', none)).toBe(false); // Saturday
    expect(addWorkingDays('2026-03-06', 1, none)).toBe('2026-03-09'); // Friday + 1 → Monday
    expect(addWorkingDays('2026-03-06', 5, none)).toBe('2026-03-13');
  });

  it('skip the holidays of the year’s calendar and count its make-up working days', () => {
    expect(isWorkingDay('2026-10-01', calendars)).toBe(false);
    expect(isWorkingDay('2026-10-10', calendars)).toBe(true); // a Saturday worked
    // Wednesday 30 September + 1: Thursday 1 October to Friday 9 October are off but for the 8th and 9th (Thu, Fri).
    expect(addWorkingDays('2026-09-30', 1, calendars)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, calendars)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-26', 1, calendars)).toBe('2026-09-27'); // Saturday → the Sunday worked
  });

  it('count working days late after a deadline', () => {
    expect(workingDaysAfter('2026-03-06', '2026-03-09', none)).toBe(1);
    expect(workingDaysAfter('2026-03-06', '2026-03-06', none)).toBe(0);
    expect(workingDaysAfter('2026-09-30', '2026-10-09', calendars)).toBe(2);
  });

  it('give each severity its deadlines from the policy', () => {
    expect(deadlinesFrom('2026-03-06', 'critical', defaultLoyaltyPolicy, none)).toEqual({ acknowledgeBy: '2026-03-09', reportBackBy: '2026-03-13' });
    expect(deadlinesFrom('2026-03-06', 'low', defaultLoyaltyPolicy, none)).toEqual({ acknowledgeBy: '2026-03-13', reportBackBy: '2026-04-17' });
  });

  it('call an item overdue only after its last day', () => {
    const item = { status: 'received', acknowledgeBy: '2026-03-09', reportBackBy: '2026-03-13' } as Parameters<typeof overdueOn>[0];
    expect(overdueOn(item, '2026-03-09', none)).toBeNull();
    expect(overdueOn(item, '2026-03-10', none)).toEqual({ stage: 'acknowledge', dueOn: '2026-03-09', workingDaysLate: 1 });
    expect(overdueOn({ ...item, status: 'rectifying' }, '2026-03-16', none)).toEqual({ stage: 'report_back', dueOn: '2026-03-13', workingDaysLate: 1 });
    expect(overdueOn({ ...item, status: 'reported_back' }, '2026-05-01', none)).toBeNull();
  });
});
