import { addDays } from '#shared/domain/dates.ts';
import type { LoyaltyPolicy } from '#shared/domain/loyalty/policy.ts';
import { Conflict, fieldError, RuleViolation } from '#shared/errors.ts';
import type { Pilot, PilotInput } from '#shared/schemas/loyalty.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * Pilots of new products and services (paper §4.2; issue 13 item 3): offered to key
 * accounts first, so for its first N days (the policy's) only key accounts are enrolled.
 */

export const newPilot = (id: string, input: PilotInput, policy: LoyaltyPolicy, by: string, at: string): Pilot => ({
  id,
  ...input,
  // Day `from` is the first of the N days: the window's last day is from + N − 1 (none when N is 0).
  keyAccountsOnlyUntil: addDays(input.from, policy.pilotKeyAccountDays - 1),
  enrolled: 0,
  outcome: null,
  openedBy: by,
  openedAt: at,
  version: 1,
});

/** Whether the pilot runs on `day`. */
export const isCurrent = (pilot: Pilot, day: string) => pilot.from <= day && day <= pilot.to;

/** An enrolment inside the pilot's dates, of a key account while the window lasts, within capacity. */
export const assertEnrolment = (pilot: Pilot, tier: 'normal' | 'key', enrolledOn: string): void => {
  if (enrolledOn < pilot.from || enrolledOn > pilot.to) {
    throw new RuleViolation('outside-pilot', msg(M.loyalty_outsidePilot, { on: enrolledOn, from: pilot.from, to: pilot.to }), [fieldError('body.enrolledOn', msg(M.field_withinDates, { from: pilot.from, to: pilot.to }))]);
  }
  if (tier !== 'key' && enrolledOn <= pilot.keyAccountsOnlyUntil) {
    throw new RuleViolation('pilot-key-accounts-first', msg(M.loyalty_keyAccountsFirst, { id: pilot.id, day: pilot.keyAccountsOnlyUntil }), [fieldError('body.accountId', msg(M.field_keyAccountsOnlyUntil, { day: pilot.keyAccountsOnlyUntil }))]);
  }
  if (pilot.enrolled >= pilot.capacity) throw new Conflict(msg(M.loyalty_pilotFull, { id: pilot.id, count: pilot.capacity }), 'pilot-full');
};
