import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import type { Write } from '#shared/db/entity.ts';
import type { Page } from '#shared/db/pagination.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { get } from '#shared/db/entity.ts';
import * as store from '#shared/db/stakeholders.ts';
import { assertKey } from '#shared/domain/accounts.ts';
import * as rules from '#shared/domain/stakeholders.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { type FieldError, fieldError, NotFound, PreconditionFailed, RuleViolation } from '#shared/errors.ts';
import type { DepartureInput, Stakeholder, StakeholderContact, StakeholderInput, StakeholderPatch, StakeholdersQuery } from '#shared/schemas/stakeholders.ts';
import { loadAccountFor } from '#shared/usecases/account-guard.ts';
import { readUnderDossierRules } from '#shared/usecases/dossier.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * Stakeholders (domain.md §4): written by those who act on the key account (its holders
 * and coordinators; exclusive ownership), read by those who read it; their contact
 * details only under the dossier's rules.
 */

export const stakeholderLocation = (s: Pick<Stakeholder, 'accountId' | 'id'>) =>
  `/v1/accounts/${encodeURIComponent(s.accountId)}/stakeholders/${encodeURIComponent(s.id)}`;

const mustGet = async (accountId: string, stakeholderId: string): Promise<Stakeholder> => {
  const found = await get(store.stakeholders, { accountId, id: stakeholderId });
  if (found === undefined) throw new NotFound(msg(M.stakeholder_notFound, { id: stakeholderId, accountId }));
  return found;
};

/** Our person who owns the relationship must be an active staff member (422). */
const assertOwner = async (staffId: string | undefined): Promise<void> => {
  if (staffId === undefined) return;
  const person = await getStaffById(staffId);
  const error =
    person === undefined
      ? fieldError('body.relationshipOwnerId', msg(M.field_noSuchStaff))
      : person.status === 'departed'
        ? fieldError('body.relationshipOwnerId', msg(M.field_leftOn, { leftOn: person.leftOn }))
        : undefined;
  if (error !== undefined) throw new RuleViolation('unknown-or-departed-staff', msg(M.stakeholder_ownerNotActive), [error]);
};

const actOn = async (caller: Caller, accountId: string) => assertKey(await loadAccountFor(caller, accountId, 'act'));

export const addStakeholder = async (caller: Caller, accountId: string, input: StakeholderInput, audit: AuditContext): Promise<Stakeholder> => {
  await actOn(caller, accountId);
  await assertOwner(input.relationshipOwnerId);
  const stakeholder = rules.newStakeholder(ulid(), accountId, input, caller.id, audit.at);
  await store.insertStakeholder(stakeholder, input.contact === undefined ? undefined : rules.contactOf(stakeholder, input.contact), audit);
  return stakeholder;
};

export const editStakeholder = async (
  caller: Caller,
  accountId: string,
  stakeholderId: string,
  ifMatch: number,
  patch: StakeholderPatch,
  audit: AuditContext,
): Promise<Stakeholder> => {
  await actOn(caller, accountId);
  await assertOwner(patch.relationshipOwnerId);
  const before = await mustGet(accountId, stakeholderId);
  if (before.version !== ifMatch) throw new PreconditionFailed();
  const after = rules.patchStakeholder(before, patch, caller.id, audit.at);
  await store.replaceStakeholder(before, after, patch.contact === undefined ? undefined : rules.contactOf(after, patch.contact), 'update', audit);
  return after;
};

/** Marks a stakeholder who left the customer; they stay on the account's list, marked. */
export const recordStakeholderDeparture = (caller: Caller, accountId: string, stakeholderId: string, input: DepartureInput, audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'stakeholder', id: stakeholderId }), async () => {
    await actOn(caller, accountId);
    const before = await mustGet(accountId, stakeholderId);
    const after = rules.markLeft(before, input.leftOn, input.note, caller.id, audit.at);
    await store.replaceStakeholder(before, after, undefined, 'left', audit);
    return after;
  });

export const readStakeholder = async (caller: Caller, accountId: string, stakeholderId: string): Promise<Stakeholder> => {
  await loadAccountFor(caller, accountId, 'read');
  return mustGet(accountId, stakeholderId);
};

export const readStakeholders = async (caller: Caller, accountId: string, query: StakeholdersQuery): Promise<Page<Stakeholder>> => {
  await loadAccountFor(caller, accountId, 'read');
  return store.pageStakeholders(accountId, query.limit, query.cursor, query.status);
};

/** Contact details: the dossier's rules decide who reads, and every read is logged (shared/usecases/dossier.ts). */
export const readStakeholderContact = (caller: Caller, accountId: string, stakeholderId: string, audit: AuditContext): Promise<StakeholderContact> =>
  readUnderDossierRules(
    caller,
    accountId,
    'getStakeholderContact',
    audit,
    async () => {
      const stakeholder = await mustGet(accountId, stakeholderId);
      const contact = await get(store.stakeholderContacts, { accountId, stakeholderId });
      return contact ?? { accountId, stakeholderId, phone: null, email: null, wechat: null, address: null, note: null, version: stakeholder.version };
    },
    (contact) => [{ id: contact.stakeholderId, version: contact.version }],
  );

/**
 * Stakeholders a body names (a visit's, a plan's, a feedback's, a survey's, the forum's),
 * each at its own field path: each must be a stakeholder of the account, and one who left
 * before `onDay` is refused (422 `unknown-stakeholder` naming every field that fails).
 */
export const assertStakeholders = async (accountId: string, named: readonly { path: string; id: string }[], onDay: string): Promise<Stakeholder[]> => {
  const found = await Promise.all(named.map(({ id }) => get(store.stakeholders, { accountId, id: id })));
  const errors: FieldError[] = named.flatMap(({ path }, i) => {
    const s = found[i];
    if (s === undefined) return [fieldError(path, msg(M.field_notStakeholderOfAccount))];
    return s.status === 'left' && (s.leftOn === null || s.leftOn < onDay) ? [fieldError(path, msg(M.field_stakeholderLeft, { leftOn: s.leftOn }))] : [];
  });
  if (errors.length > 0) throw new RuleViolation('unknown-stakeholder', msg(M.stakeholder_unknown), errors);
  return found.flatMap((s) => s ?? []);
};

/** The same for a list of ids at `path`.i. */
export const assertStakeholdersOf = (accountId: string, ids: readonly string[], path: string, onDay: string): Promise<Stakeholder[]> =>
  assertStakeholders(accountId, ids.map((id, i) => ({ path: `${path}.${i}`, id })), onDay);

/**
 * The writes that move the last contact of the stakeholders a visit names forward, to go
 * in the visit's own transaction (a stakeholder changed meanwhile fails it with 412: retried).
 */
export const visitContactWrites = async (accountId: string, ids: readonly string[], visitedOn: string, by: string, at: string): Promise<Write[]> =>
  (await assertStakeholdersOf(accountId, ids, 'body.stakeholderIds', visitedOn)).flatMap((before) => {
    const after = rules.contacted(before, visitedOn, by, at);
    return after === undefined ? [] : [store.stakeholderPut(before, after)];
  });
