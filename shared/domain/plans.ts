import { Conflict, fieldError, RuleViolation } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type { CreatePlanInput, ObjectiveInput, PlanChanges, PlanHead, PlanObjective, PlanVersion } from '#shared/schemas/plans.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * The account plan (一企一策, domain.md §4): the holders draft, the contact leader approves;
 * an approved version is never changed; the next draft starts from it and it stays in
 * force until that draft is approved. Pure: ids and times come in.
 */

const objectivesOf = (inputs: readonly ObjectiveInput[], newId: () => string): PlanObjective[] =>
  inputs.map((o) => ({
    id: newId(),
    title: o.title,
    ownerId: o.ownerId,
    dueOn: o.dueOn,
    measure: o.measure,
    status: o.status ?? 'not_started',
    targetLink: o.targetLink ?? null,
  }));

/** The content fields a body sets, over what the version held. */
const withChanges = (base: PlanVersion, changes: PlanChanges, newId: () => string): PlanVersion => ({
  ...base,
  ...(changes.situation === undefined ? {} : { situation: changes.situation }),
  ...(changes.objectives === undefined ? {} : { objectives: objectivesOf(changes.objectives, newId) }),
  ...(changes.tailoredServices === undefined ? {} : { tailoredServices: changes.tailoredServices }),
  ...(changes.pricing === undefined ? {} : { pricing: changes.pricing }),
  ...(changes.onSiteStaff === undefined ? {} : { onSiteStaff: changes.onSiteStaff }),
  ...(changes.stakeholderIds === undefined ? {} : { stakeholderIds: changes.stakeholderIds }),
});

export const firstDraft = (accountId: string, input: CreatePlanInput, by: string, at: string, newId: () => string): { head: PlanHead; draft: PlanVersion } => {
  const { year, ...changes } = input;
  const empty: PlanVersion = {
    accountId, year, number: 1, status: 'draft', basedOn: null, situation: null, objectives: [], tailoredServices: [], pricing: null,
    onSiteStaff: [], stakeholderIds: [], draftedBy: by, draftedAt: at, updatedBy: by, updatedAt: at, approvedBy: null, approvedAt: null, version: 1,
  };
  return { head: { accountId, year, inForce: null, draft: 1, latest: 1, version: 1 }, draft: withChanges(empty, changes, newId) };
};

const approvedNotChanged = (v: PlanVersion) =>
  new Conflict(msg(M.plan_versionApproved, { accountId: v.accountId, year: v.year, number: v.number }), 'plan-version-approved');

/** An edit of a draft; an approved version is never edited (409). */
export const editDraft = (before: PlanVersion, changes: PlanChanges, by: string, at: string, newId: () => string): PlanVersion => {
  if (before.status === 'approved') throw approvedNotChanged(before);
  return { ...withChanges(before, changes, newId), updatedBy: by, updatedAt: at, version: before.version + 1 };
};

/** What a version needs before it is approved: the customer's situation and at least one objective. */
export const assertComplete = (v: PlanVersion): void => {
  const errors = [
    ...(v.situation === null ? [fieldError('situation', msg(M.field_required))] : []),
    ...(v.objectives.length === 0 ? [fieldError('objectives', msg(M.field_atLeastOne))] : []),
  ];
  if (errors.length > 0) throw new RuleViolation('plan-incomplete', msg(M.plan_incomplete, { number: v.number }), errors);
};

/** The contact leader approves the draft: it comes into force, the one before stays kept as it was. */
export const approve = (head: PlanHead, draft: PlanVersion, by: string, at: string): { head: PlanHead; approved: PlanVersion } => {
  if (draft.status === 'approved') throw approvedNotChanged(draft);
  assertComplete(draft);
  return {
    approved: { ...draft, status: 'approved', approvedBy: by, approvedAt: at, version: draft.version + 1 },
    head: { ...head, inForce: draft.number, draft: null, version: head.version + 1 },
  };
};

/** One draft at a time: a change while one is open goes to that draft (409). */
export const nextDraftBlocked = (head: PlanHead) =>
  new Conflict(msg(M.plan_draftOpen, { accountId: head.accountId, year: head.year, number: head.draft ?? head.latest }), 'plan-draft-open');

/** A change of an approved plan starts the next draft from the version in force. */
export const nextDraft = (head: PlanHead, inForce: PlanVersion, changes: PlanChanges, by: string, at: string, newId: () => string): { head: PlanHead; draft: PlanVersion } => {
  if (head.draft !== null) throw nextDraftBlocked(head);
  const number = head.latest + 1;
  const copy: PlanVersion = {
    ...inForce, number, status: 'draft', basedOn: inForce.number, draftedBy: by, draftedAt: at, updatedBy: by, updatedAt: at, approvedBy: null, approvedAt: null, version: 1,
  };
  return { head: { ...head, draft: number, latest: number, version: head.version + 1 }, draft: withChanges(copy, changes, newId) };
};

/** Objectives past their due day that are neither done nor dropped. */
export const overdueObjectives = (v: PlanVersion, today: string): PlanObjective[] =>
  v.objectives.filter((o) => o.dueOn < today && o.status !== 'done' && o.status !== 'dropped');

/** Objective owners must be the account's people (its contact leader or sales manager): 422 naming each that is not. */
export const objectiveOwnerErrors = (account: Account, objectives: readonly { ownerId: string }[] | undefined, path: string) =>
  (objectives ?? []).flatMap((o, i) =>
    o.ownerId === account.contactLeaderId || o.ownerId === account.salesManagerId ? [] : [fieldError(`${path}.${i}.ownerId`, msg(M.field_notAccountHolder))],
  );
