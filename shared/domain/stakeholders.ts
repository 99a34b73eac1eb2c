import { Conflict } from '#shared/errors.ts';
import type { ContactInput, Stakeholder, StakeholderContact, StakeholderInput, StakeholderPatch } from '#shared/schemas/stakeholders.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/* The customer's people (domain.md §4): marked when they leave, never deleted. */

export const newStakeholder = (id: string, accountId: string, input: StakeholderInput, by: string, at: string): Stakeholder => ({
  id,
  accountId,
  name: input.name,
  title: input.title,
  department: input.department ?? null,
  decisionRole: input.decisionRole,
  influence: input.influence,
  relationshipStrength: input.relationshipStrength,
  relationshipOwnerId: input.relationshipOwnerId,
  status: 'active',
  leftOn: null,
  leftNote: null,
  lastContactOn: null,
  hasContact: input.contact !== undefined,
  createdBy: by,
  createdAt: at,
  updatedBy: by,
  updatedAt: at,
  version: 1,
});

export const patchStakeholder = (before: Stakeholder, patch: StakeholderPatch, by: string, at: string): Stakeholder => {
  const { contact, ...fields } = patch;
  return {
    ...before,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    hasContact: before.hasContact || contact !== undefined,
    updatedBy: by,
    updatedAt: at,
    version: before.version + 1,
  };
};

/** A stakeholder who left the customer is marked once (409 the second time). */
export const markLeft = (before: Stakeholder, leftOn: string, note: string | undefined, by: string, at: string): Stakeholder => {
  if (before.status === 'left') throw new Conflict(msg(M.stakeholder_left, { leftOn: before.leftOn }), 'stakeholder-left');
  return { ...before, status: 'left', leftOn, leftNote: note ?? null, updatedBy: by, updatedAt: at, version: before.version + 1 };
};

/** A visit that names the stakeholder moves their last contact forward, never back. */
export const contacted = (before: Stakeholder, visitedOn: string, by: string, at: string): Stakeholder | undefined =>
  before.lastContactOn !== null && before.lastContactOn >= visitedOn
    ? undefined
    : { ...before, lastContactOn: visitedOn, updatedBy: by, updatedAt: at, version: before.version + 1 };

export const contactOf = (stakeholder: Stakeholder, input: ContactInput): StakeholderContact => ({
  accountId: stakeholder.accountId,
  stakeholderId: stakeholder.id,
  phone: input.phone ?? null,
  email: input.email ?? null,
  wechat: input.wechat ?? null,
  address: input.address ?? null,
  note: input.note ?? null,
  version: stakeholder.version,
});
