import { ulid } from 'ulid';
import { listAccounts } from '#shared/db/accounts.ts';
import type { AuditContext } from '#shared/db/audit.ts';
import type { Page } from '#shared/db/pagination.ts';
import { get, page } from '#shared/db/entity.ts';
import * as store from '#shared/db/plans.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { assertKey, holdsAccount } from '#shared/domain/accounts.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import * as rules from '#shared/domain/plans.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { type FieldError, fieldError, Forbidden, NotFound, PreconditionFailed, RuleViolation } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type { AccountPlan, CreatePlanInput, MissingPlan, OverdueObjective, PlanChanges, PlanHead, PlanVersion } from '#shared/schemas/plans.ts';
import { loadAccountFor } from '#shared/usecases/account-guard.ts';
import { assertStakeholdersOf } from '#shared/usecases/stakeholders.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * The account plan (一企一策, domain.md §4). Exclusive ownership: on a key account only its
 * people, coordinators and leadership come near it, and of those the sales manager or
 * contact leader drafts and the contact leader approves. Leadership reads every plan but
 * acts on none it does not hold (domain.md §1, as the one account guard has it).
 */

export const planVersionLocation = (v: Pick<PlanVersion, 'accountId' | 'year' | 'number'>) =>
  `/v1/accounts/${encodeURIComponent(v.accountId)}/plans/${v.year}/versions/${v.number}`;

/** The holders draft; a coordinator, who may act on the account, is told whose it is. */
const loadForDrafting = async (caller: Caller, accountId: string): Promise<Account> => {
  const account = await loadAccountFor(caller, accountId, 'act');
  assertKey(account);
  if (!holdsAccount(caller, account)) throw new Forbidden(msg(M.plan_draftedByHolders, { accountId }), 'not-a-holder');
  return account;
};

const mustGetHead = async (accountId: string, year: number): Promise<PlanHead> => {
  const head = await get(store.planHeads, { accountId: accountId, year });
  if (head === undefined) throw new NotFound(msg(M.plan_notFound, { accountId, year }));
  return head;
};
const mustGetVersion = async (accountId: string, year: number, number: number): Promise<PlanVersion> => {
  const version = await store.getPlanVersion(accountId, year, number);
  if (version === undefined) throw new NotFound(msg(M.plan_versionNotFound, { accountId, year, number }));
  return version;
};

/** The people a body names: objective owners among the account's holders, on-site staff active, stakeholders the account's (422). */
const assertPeople = async (account: Account, changes: PlanChanges, today: string): Promise<void> => {
  const owners = rules.objectiveOwnerErrors(account, changes.objectives, 'body.objectives');
  if (owners.length > 0) throw new RuleViolation('objective-owner-not-on-account', msg(M.plan_ownersNotOnAccount), owners);
  const onSite = changes.onSiteStaff ?? [];
  const staff = await Promise.all(onSite.map((s) => getStaffById(s.staffId)));
  const staffErrors: FieldError[] = onSite.flatMap((_, i) => {
    const person = staff[i];
    if (person === undefined) return [fieldError(`body.onSiteStaff.${i}.staffId`, msg(M.field_noSuchStaff))];
    return person.status === 'departed' ? [fieldError(`body.onSiteStaff.${i}.staffId`, msg(M.field_leftOn, { leftOn: person.leftOn }))] : [];
  });
  if (staffErrors.length > 0) throw new RuleViolation('unknown-or-departed-staff', msg(M.upkeep_staffNotActive), staffErrors);
  await assertStakeholdersOf(account.id, changes.stakeholderIds ?? [], 'body.stakeholderIds', today);
};

const today = (audit: AuditContext) => todayInShanghai(new Date(audit.at));

export const draftPlan = async (caller: Caller, accountId: string, input: CreatePlanInput, audit: AuditContext): Promise<PlanVersion> => {
  const account = await loadForDrafting(caller, accountId);
  await assertPeople(account, input, today(audit));
  const { head, draft } = rules.firstDraft(accountId, input, caller.id, audit.at, ulid);
  await store.insertPlan(head, draft, audit);
  return draft;
};

export const editPlanDraft = async (
  caller: Caller,
  accountId: string,
  year: number,
  number: number,
  ifMatch: number,
  changes: PlanChanges,
  audit: AuditContext,
): Promise<PlanVersion> => {
  const account = await loadForDrafting(caller, accountId);
  const before = await mustGetVersion(accountId, year, number);
  // An approved version is 409 whatever version was named; a stale draft 412.
  if (before.status === 'draft' && before.version !== ifMatch) throw new PreconditionFailed();
  const after = rules.editDraft(before, changes, caller.id, audit.at, ulid);
  await assertPeople(account, changes, today(audit));
  await store.replaceDraft(before, after, audit);
  return after;
};

/** Only the account's contact leader approves, the version they read (If-Match: 412 when stale). */
export const approvePlan = async (caller: Caller, accountId: string, year: number, number: number, ifMatch: number, audit: AuditContext): Promise<PlanVersion> => {
  const account = await loadAccountFor(caller, accountId, 'act');
  assertKey(account);
  if (caller.id !== account.contactLeaderId) throw new Forbidden(msg(M.plan_approvedByContactLeader, { accountId }), 'not-the-contact-leader');
  const [head, draft] = await Promise.all([mustGetHead(accountId, year), mustGetVersion(accountId, year, number)]);
  if (draft.status === 'draft' && draft.version !== ifMatch) throw new PreconditionFailed();
  const { head: after, approved } = rules.approve(head, draft, caller.id, audit.at);
  await store.saveHeadAndVersion(head, after, approved, draft.version, 'approve', audit);
  return approved;
};

/** A change of an approved plan: the next draft, copied from the version in force with the changes sent. */
export const revisePlan = async (caller: Caller, accountId: string, year: number, changes: PlanChanges, audit: AuditContext): Promise<PlanVersion> => {
  const account = await loadForDrafting(caller, accountId);
  const head = await mustGetHead(accountId, year);
  const inForce = head.inForce === null ? undefined : await mustGetVersion(accountId, year, head.inForce);
  if (inForce === undefined) {
    // Nothing approved yet: the first draft is still open, and is the one to change.
    throw rules.nextDraftBlocked(head);
  }
  await assertPeople(account, changes, today(audit));
  const { head: after, draft } = rules.nextDraft(head, inForce, changes, caller.id, audit.at, ulid);
  await store.saveHeadAndVersion(head, after, draft, 'new', 'revise', audit);
  return draft;
};

export const readPlan = async (caller: Caller, accountId: string, year: number): Promise<AccountPlan> => {
  await loadAccountFor(caller, accountId, 'read');
  const head = await mustGetHead(accountId, year);
  const [inForce, draft] = await Promise.all([
    head.inForce === null ? null : mustGetVersion(accountId, year, head.inForce),
    head.draft === null ? null : mustGetVersion(accountId, year, head.draft),
  ]);
  return { accountId, year, inForce, draft, versions: head.latest };
};

export const readPlanVersion = async (caller: Caller, accountId: string, year: number, number: number): Promise<PlanVersion> => {
  await loadAccountFor(caller, accountId, 'read');
  return mustGetVersion(accountId, year, number);
};

export const readPlanVersions = async (caller: Caller, accountId: string, year: number, query: { limit: number; cursor?: string }): Promise<Page<PlanVersion>> => {
  await loadAccountFor(caller, accountId, 'read');
  await mustGetHead(accountId, year);
  return page(store.planVersions, 'ofYear', { accountId, year }, query.limit, query.cursor);
};

/** The objectives of the version in force that are past due and neither done nor dropped. */
export const overduePlanObjectives = async (caller: Caller, accountId: string, year: number, audit: AuditContext): Promise<Page<OverdueObjective>> => {
  await loadAccountFor(caller, accountId, 'read');
  const head = await mustGetHead(accountId, year);
  if (head.inForce === null) return { items: [], nextCursor: null };
  const inForce = await mustGetVersion(accountId, year, head.inForce);
  return { items: rules.overdueObjectives(inForce, today(audit)).map((objective) => ({ accountId, year, number: inForce.number, objective })), nextCursor: null };
};

/**
 * For the coordination group: key accounts without an approved plan for the year, a page
 * of key accounts at a time (one keyed Get of each plan's head); a page may hold fewer
 * than `limit`, or none, and still have a next one.
 */
export const accountsWithoutPlan = async (year: number, query: { limit: number; cursor?: string }): Promise<Page<MissingPlan>> => {
  const accounts = await listAccounts({ tier: 'key', limit: query.limit, cursor: query.cursor });
  const heads = await Promise.all(accounts.items.map((a) => get(store.planHeads, { accountId: a.id, year })));
  const items = accounts.items.flatMap((a, i) => {
    const head = heads[i];
    return head?.inForce != null ? [] : [{ accountId: a.id, name: a.name, year, draft: head?.draft ?? null }];
  });
  return { items, nextCursor: accounts.nextCursor };
};

/** Whether the account's plan of the year has an approved version in force (handover, compliance). */
export const planInForce = async (accountId: string, year: number): Promise<PlanVersion | undefined> => {
  const head = await get(store.planHeads, { accountId: accountId, year });
  return head?.inForce == null ? undefined : store.getPlanVersion(accountId, year, head.inForce);
};
