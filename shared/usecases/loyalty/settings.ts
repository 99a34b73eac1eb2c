import type { AuditContext } from '#shared/db/audit.ts';
import { get } from '#shared/db/entity.ts';
import * as store from '#shared/db/loyalty.ts';
import { type Calendars, type HolidayCalendar, yearsFrom } from '#shared/domain/loyalty/calendar.ts';
import { type LoyaltyPolicy, defaultLoyaltyPolicy, longestDeadline } from '#shared/domain/loyalty/policy.ts';
import { fieldError, NotFound, PreconditionFailed, PreconditionRequired, RuleViolation } from '#shared/errors.ts';
import type { HolidayCalendarInput, HolidayCalendarRecord, LoyaltyPolicyInput, LoyaltyPolicyRecord } from '#shared/schemas/loyalty.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/** PUT of a yearly record: If-Match only once it exists. */
const nextVersion = (existing: { version: number } | undefined, ifMatch: number | undefined): number => {
  if (existing === undefined) return 1;
  if (ifMatch === undefined) throw new PreconditionRequired();
  if (ifMatch !== existing.version) throw new PreconditionFailed();
  return existing.version + 1;
};

/** A coordinator sets a year's holidays and make-up working days; every day must be in that year and on one list only. */
export const setCalendar = async (year: number, ifMatch: number | undefined, input: HolidayCalendarInput, audit: AuditContext) => {
  const workdays = input.workdays ?? [];
  const errors = [
    ...input.holidays.flatMap((d, i) => (d.startsWith(`${year}-`) ? [] : [fieldError(`body.holidays.${i}`, msg(M.field_inYear, { year }))])),
    ...workdays.flatMap((d, i) => (d.startsWith(`${year}-`) ? [] : [fieldError(`body.workdays.${i}`, msg(M.field_inYear, { year }))])),
    ...workdays.flatMap((d, i) => (input.holidays.includes(d) ? [fieldError(`body.workdays.${i}`, msg(M.field_holidayAndWorkday))] : [])),
  ];
  if (errors.length > 0) throw new RuleViolation('outside-year', msg(M.loyalty_outsideYear, { year }), errors);
  const existing = await get(store.holidayCalendars, { year: year });
  const record: HolidayCalendarRecord = {
    year,
    holidays: [...input.holidays].sort(),
    workdays: [...workdays].sort(),
    setBy: audit.actorId,
    setAt: audit.at,
    version: nextVersion(existing, ifMatch),
  };
  await store.putCalendar(record, existing?.version ?? null, audit, existing);
  return { record, created: existing === undefined };
};

export const readCalendar = async (year: number) => {
  const found = await get(store.holidayCalendars, { year: year });
  if (found === undefined) throw new NotFound(msg(M.notFound_thing, { what: msg(M.thing_calendar, { year }) }));
  return found;
};

/** The calendars of the years a count of working days from `from` may reach (weekends only where none is set). */
export const calendarsFrom = async (from: string, policy: LoyaltyPolicy): Promise<Calendars> => {
  const years = yearsFrom(from, longestDeadline(policy));
  const found = await Promise.all(years.map((y) => get(store.holidayCalendars, { year: y })));
  return new Map(found.filter((c): c is HolidayCalendar & HolidayCalendarRecord => c !== undefined).map((c) => [c.year, c]));
};

export const loyaltyPolicyFor = async (year: number): Promise<LoyaltyPolicy> => (await get(store.loyaltyPolicies, { year })) ?? defaultLoyaltyPolicy;

/** Omitted settings keep the defaults (shared/domain/loyalty/policy.ts). */
export const setLoyaltyPolicy = async (year: number, ifMatch: number | undefined, input: LoyaltyPolicyInput, audit: AuditContext) => {
  const existing = await get(store.loyaltyPolicies, { year });
  const d = defaultLoyaltyPolicy;
  const record: LoyaltyPolicyRecord = {
    year,
    deadlines: { ...d.deadlines, ...input.deadlines },
    pilotKeyAccountDays: input.pilotKeyAccountDays ?? d.pilotKeyAccountDays,
    healthWeights: input.healthWeights ?? d.healthWeights,
    version: nextVersion(existing, ifMatch),
  };
  await store.putLoyaltyPolicy(record, existing?.version ?? null, audit, existing);
  return { record, created: existing === undefined };
};

export const readLoyaltyPolicy = async (year: number): Promise<LoyaltyPolicyRecord> => (await get(store.loyaltyPolicies, { year })) ?? { year, ...defaultLoyaltyPolicy, version: 1 };
