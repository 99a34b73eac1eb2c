import type { AuditContext } from '#shared/db/audit.ts';
import { insertAudited, replaceAudited } from '#shared/db/audited.ts';
import { defineEntity, overwrite, page, put, type Write } from '#shared/db/entity.ts';
import { equals } from '#shared/db/query.ts';
import type { Page } from '#shared/db/pagination.ts';
import { accountPk } from '#shared/db/partitions.ts';
import { NotFound, PreconditionFailed } from '#shared/errors.ts';
import { Stakeholder, StakeholderContact } from '#shared/schemas/stakeholders.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * Stakeholders live beside their account and are never deleted (one who leaves is
 * marked). Their contact details are an item of their own, so that every read of the
 * stakeholder is not a read of the confidential part (shared/usecases/stakeholders.ts).
 */
export const stakeholders = /* @__PURE__ */ defineEntity({
  kind: 'stakeholder', label: 'stakeholder', schema: Stakeholder, versioned: true,
  keys: { pk: accountPk, sk: 'STAKEHOLDER#<id>' },
  patterns: { ofAccount: { doc: "an account's stakeholders, oldest first (left ones too, marked)", pk: accountPk, sk: 'STAKEHOLDER#' } },
});

export const stakeholderContacts = /* @__PURE__ */ defineEntity({
  kind: 'stakeholder-contact', label: "stakeholder's contact details (confidential)", schema: StakeholderContact,
  keys: { pk: accountPk, sk: 'STAKECONTACT#<stakeholderId>' },
});

const notFound = (s: Pick<Stakeholder, 'id' | 'accountId'>) => new NotFound(msg(M.stakeholder_notFound, { id: s.id, accountId: s.accountId }));
const contactPut = (contact: StakeholderContact | undefined) => (contact === undefined ? [] : [overwrite(stakeholderContacts, contact)]);

/** A new stakeholder, with its contact details when given; the audit copy only says they were written (the trail is read without a grant). */
export const insertStakeholder = (stakeholder: Stakeholder, contact: StakeholderContact | undefined, ctx: AuditContext) =>
  insertAudited(stakeholders, stakeholder, { ctx, action: 'create', also: contactPut(contact), trail: { after: { ...stakeholder, contactWritten: contact !== undefined } } });

/** The stakeholder's change, checked against the version read; the contact details replaced with it when given. */
export const stakeholderPut = (before: Stakeholder, after: Stakeholder): Write =>
  put(stakeholders, after, before.version, { onFail: (old) => (old === undefined ? notFound(before) : new PreconditionFailed()) });

export const replaceStakeholder = (before: Stakeholder, after: Stakeholder, contact: StakeholderContact | undefined, action: string, ctx: AuditContext) =>
  replaceAudited(stakeholders, before, after, { ctx, action, gone: () => notFound(before), also: contactPut(contact), trail: { after: { ...after, contactWritten: contact !== undefined } } });

/** Access pattern: a page of an account's stakeholders, optionally only active or only left ones. */
export const pageStakeholders = (accountId: string, limit: number, cursor?: string, status?: Stakeholder['status']): Promise<Page<Stakeholder>> =>
  page(stakeholders, 'ofAccount', { accountId }, limit, cursor, { filter: equals('status', status) });

