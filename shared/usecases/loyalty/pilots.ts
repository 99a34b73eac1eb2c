import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { listAccounts } from '#shared/db/accounts.ts';
import * as business from '#shared/db/business.ts';
import { all, get, page } from '#shared/db/entity.ts';
import * as store from '#shared/db/loyalty.ts';
import * as rules from '#shared/domain/loyalty/pilots.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { Conflict, fieldError, NotFound, RuleViolation } from '#shared/errors.ts';
import type { Enrolment, OfferInput, OutcomeInput, Pilot, PilotInput, PilotOffer } from '#shared/schemas/loyalty.ts';
import { loadAccountFor } from '#shared/usecases/account-guard.ts';
import { loyaltyPolicyFor } from '#shared/usecases/loyalty/settings.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const pilotLocation = (id: string) => `/v1/pilots/${encodeURIComponent(id)}`;

export const mustGetPilot = async (id: string): Promise<Pilot> => {
  const pilot = await get(store.pilots, { id });
  if (pilot === undefined) throw new NotFound(msg(M.loyalty_pilotNotFound, { id }));
  return pilot;
};

/** A coordinator opens a pilot; its key-account-first window comes from the policy of the year it starts. */
export const openPilot = async (input: PilotInput, audit: AuditContext): Promise<Pilot> => {
  const pilot = rules.newPilot(ulid(), input, await loyaltyPolicyFor(Number(input.from.slice(0, 4))), audit.actorId, audit.at);
  await store.insertPilot(pilot, audit);
  return pilot;
};

/** The offer to an account and the customer's answer, by the account's people or a coordinator; a later answer replaces it. */
export const offerPilot = async (caller: Caller, pilotId: string, input: OfferInput, audit: AuditContext): Promise<PilotOffer> => {
  const pilot = await mustGetPilot(pilotId);
  await loadAccountFor(caller, input.accountId, 'act', { missing: () => new RuleViolation('unknown-account', msg(M.account_notFound, { id: input.accountId }), [fieldError('body.accountId', msg(M.field_noSuchAccount))]) });
  if (input.offeredOn > pilot.to) throw new RuleViolation('outside-pilot', msg(M.loyalty_outsidePilot, { on: input.offeredOn, from: pilot.from, to: pilot.to }), [fieldError('body.offeredOn', msg(M.field_notAfter, { day: pilot.to }))]);
  const offer: PilotOffer = { pilotId, accountId: input.accountId, offeredOn: input.offeredOn, answer: input.answer, note: input.note ?? null, offeredBy: audit.actorId, recordedAt: audit.at };
  await store.saveOffer(offer, audit);
  return offer;
};

/** Enrols an account: inside the pilot's dates, key accounts only during the window (422), within capacity (409). */
export const enrolInPilot = async (caller: Caller, pilotId: string, input: { accountId: string; enrolledOn: string }, audit: AuditContext): Promise<Enrolment> => {
  const before = await mustGetPilot(pilotId);
  const account = await loadAccountFor(caller, input.accountId, 'act', {
    missing: () => new RuleViolation('unknown-account', msg(M.account_notFound, { id: input.accountId }), [fieldError('body.accountId', msg(M.field_noSuchAccount))]),
  });
  rules.assertEnrolment(before, account.tier, input.enrolledOn);
  const enrolment: Enrolment = { pilotId, accountId: account.id, tier: account.tier, enrolledOn: input.enrolledOn, enrolledBy: audit.actorId, recordedAt: audit.at };
  await store.insertEnrolment(before, { ...before, enrolled: before.enrolled + 1, version: before.version + 1 }, enrolment, audit);
  return enrolment;
};

/** The outcome, once: what the customers said, adoption, and the revenue of the linked opportunities' projects. */
export const recordOutcome = async (pilotId: string, input: OutcomeInput, audit: AuditContext): Promise<Pilot> => {
  const before = await mustGetPilot(pilotId);
  if (before.outcome !== null) throw new Conflict(msg(M.loyalty_outcomeRecorded, { id: pilotId }), 'outcome-recorded');
  const ids = input.opportunityIds ?? [];
  const opportunities = await Promise.all(ids.map((id) => get(business.opportunities, { id })));
  const unknown = ids.flatMap((id, i) => (opportunities[i] === undefined ? [fieldError(`body.opportunityIds.${i}`, msg(M.loyalty_unknownOpportunity, { id }))] : []));
  if (unknown.length > 0) throw new RuleViolation('unknown-opportunity', msg(M.rule_fields, { errors: unknown }), unknown);
  const projectIds = opportunities.flatMap((o) => o?.projectIds ?? []);
  const projects = await Promise.all(projectIds.map((id) => get(business.projects, { id })));
  const revenueAmount = projects.reduce((s, p) => s + (p?.contractAmount ?? 0), 0);
  const after: Pilot = {
    ...before,
    outcome: { summary: input.summary, adoption: input.adoption, opportunityIds: ids, revenueAmount, recordedOn: input.recordedOn, recordedBy: audit.actorId },
    version: before.version + 1,
  };
  await store.savePilot(before, after, 'outcome', audit);
  return after;
};

/** Key accounts a pilot has not been offered to yet, one page of key accounts at a time. */
export const notOffered = async (pilotId: string, limit: number, cursor?: string) => {
  await mustGetPilot(pilotId);
  const offered = new Set((await all(store.pilotOffers, 'ofPilot', { pilotId })).map((o) => o.accountId));
  const page = await listAccounts({ tier: 'key', limit, cursor });
  return { pilotId, accounts: page.items.filter((a) => !offered.has(a.id)).map((a) => ({ accountId: a.id, name: a.name })), nextCursor: page.nextCursor };
};

export const findPilots = (limit: number, cursor?: string) => page(store.pilots, 'all', {}, limit, cursor);

export const findOffers = async (pilotId: string, limit: number, cursor?: string) => {
  await mustGetPilot(pilotId);
  return page(store.pilotOffers, 'ofPilot', { pilotId }, limit, cursor);
};

export const findEnrolments = async (pilotId: string, limit: number, cursor?: string) => {
  await mustGetPilot(pilotId);
  return page(store.enrolments, 'ofPilot', { pilotId }, limit, cursor);
};
