import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { all, get, page } from '#shared/db/entity.ts';
import * as store from '#shared/db/loyalty.ts';
import type { Page } from '#shared/db/pagination.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import type { Calendars } from '#shared/domain/loyalty/calendar.ts';
import * as rules from '#shared/domain/loyalty/feedback.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { fieldError, NotFound, RuleViolation } from '#shared/errors.ts';
import { projects } from '#shared/db/business.ts';
import type { Feedback, FeedbackInput, FeedbackStatus, FeedbackStepInput, FeedbackView } from '#shared/schemas/loyalty.ts';
import { guardAccount, loadAccountFor } from '#shared/usecases/account-guard.ts';
import { calendarsFrom, loyaltyPolicyFor } from '#shared/usecases/loyalty/settings.ts';
import { assertStakeholders } from '#shared/usecases/stakeholders.ts';
import { getAccountById } from '#shared/db/accounts.ts';
import { assertKey } from '#shared/domain/accounts.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const feedbackLocation = (id: string) => `/v1/feedback/${encodeURIComponent(id)}`;
const dayOf = (at: string) => todayInShanghai(new Date(at));

/** The calendars that count an item's deadlines and lateness (from its receipt on). */
const calendarsOf = async (item: Pick<Feedback, 'receivedOn'>): Promise<Calendars> => calendarsFrom(item.receivedOn, await loyaltyPolicyFor(Number(item.receivedOn.slice(0, 4))));

const view = async (item: Feedback, today: string): Promise<FeedbackView> => rules.viewOf(item, today, await calendarsOf({ receivedOn: item.steps.at(-1)?.on ?? item.receivedOn }));

/** The account's people record feedback from a key account; its deadlines follow the policy of the year it was received. */
export const recordFeedback = async (caller: Caller, accountId: string, input: FeedbackInput, audit: AuditContext): Promise<FeedbackView> => {
  assertKey(await loadAccountFor(caller, accountId, 'act'));
  if (input.stakeholderId !== undefined) await assertStakeholders(accountId, [{ path: 'body.stakeholderId', id: input.stakeholderId }], input.receivedOn);
  if (input.projectId !== undefined && (await get(projects, { id: input.projectId }))?.accountId !== accountId) {
    throw new RuleViolation('not-account-project', msg(M.loyalty_notAccountProject, { id: input.projectId, accountId }), [fieldError('body.projectId', msg(M.field_notAccountProject))]);
  }
  const policy = await loyaltyPolicyFor(Number(input.receivedOn.slice(0, 4)));
  const calendars = await calendarsFrom(input.receivedOn, policy);
  const item = rules.newFeedback(ulid(), accountId, input, audit.actorId, audit.at, dayOf(audit.at), policy, calendars);
  await store.insertFeedback(item, audit);
  return rules.viewOf(item, dayOf(audit.at), calendars);
};

/** The item, to those who hold its account or oversee it; to anyone else it does not exist. */
const see = async (caller: Caller, id: string, purpose: 'held' | 'act'): Promise<Feedback> => {
  const hidden = () => new NotFound(msg(M.loyalty_feedbackNotFound, { id }));
  const item = await get(store.feedback, { id });
  if (item === undefined) throw hidden();
  const account = await getAccountById(item.accountId);
  if (account === undefined) throw hidden();
  await guardAccount(caller, account, purpose, { hidden });
  return item;
};

export const readFeedback = async (caller: Caller, id: string, asOf?: string): Promise<FeedbackView> => view(await see(caller, id, 'held'), asOf ?? todayInShanghai());

/** One dated step by the account's people or a coordinator; a reopening counts its new deadline with the calendars of its own day. */
export const stepFeedback = async (caller: Caller, id: string, input: FeedbackStepInput, audit: AuditContext): Promise<FeedbackView> => {
  const before = await see(caller, id, 'act');
  const policy = await loyaltyPolicyFor(Number(input.on.slice(0, 4)));
  const calendars = await calendarsFrom(input.on, policy);
  const after = rules.takeStep(before, input, audit.actorId, audit.at, dayOf(audit.at), policy, calendars);
  await store.saveFeedbackStep(before, after, audit);
  return view(after, dayOf(audit.at));
};

export const findAccountFeedback = async (caller: Caller, accountId: string, q: { status?: FeedbackStatus; asOf?: string; limit: number; cursor?: string }): Promise<Page<FeedbackView>> => {
  await loadAccountFor(caller, accountId, 'held');
  const found = await store.listFeedbackByAccount(accountId, q.status, q.limit, q.cursor);
  const today = q.asOf ?? todayInShanghai();
  return { items: await Promise.all(found.items.map((f) => view(f, today))), nextCursor: found.nextCursor };
};

/** The coordination group's list: every item past the deadline it waits on as of `asOf` (today), earliest deadline first. */
export const findOverdueFeedback = async (q: { asOf?: string; limit: number; cursor?: string }): Promise<Page<FeedbackView>> => {
  const today = q.asOf ?? todayInShanghai();
  const found = await page(store.feedback, 'waiting', {}, q.limit, q.cursor, { range: { before: today } });
  return { items: await Promise.all(found.items.map((f) => view(f, today))), nextCursor: found.nextCursor };
};

/** Every item overdue on `day`, for the monthly job's alerts and the bulletin. */
export const allOverdueOn = (day: string): Promise<Feedback[]> => all(store.feedback, 'waiting', {}, { range: { before: day } });
