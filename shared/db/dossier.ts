import type { AuditContext } from '#shared/db/audit.ts';
import { insertAudited, replaceAudited } from '#shared/db/audited.ts';
import { defineEntity, historyPut, page } from '#shared/db/entity.ts';
import type { Page } from '#shared/db/pagination.ts';
import { accountPk } from '#shared/db/partitions.ts';
import { Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import { DossierAccess, DossierEntry, DossierGrant } from '#shared/schemas/dossier.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * Entries live beside the account, so they stay with it whoever keeps them. Every
 * version, the current one included, is an item of its own that is written once.
 */
export const dossierEntries = /* @__PURE__ */ defineEntity({
  kind: 'dossier-entry', label: 'dossier entry (current / each version)', schema: DossierEntry, versioned: true,
  keys: { pk: accountPk, sk: 'DOSSIER#<id>' },
  history: { kind: 'dossier-version', sk: 'DOSSIERV#<id>#<version>' },
  // `kind` on an item names its entity (as everywhere in the table); the entry's own kind is `entryKind`.
  stored: { write: ({ kind, ...entry }) => ({ ...entry, entryKind: kind }), read: ({ entryKind, ...item }) => ({ ...item, kind: entryKind }) },
  patterns: {
    // `DOSSIER#` does not prefix `DOSSIERV#`: the versions stay out of this list.
    current: { doc: "an account's dossier, the current version of each entry, oldest entry first", sk: 'DOSSIER#' },
    versions: { doc: 'every version of one entry, oldest first (the last is the current one)', sk: 'DOSSIERV#<id>#' },
  },
});

// Ids hold no '#', so `GRANT#<staffId>#` is the prefix of exactly that person's grants.
export const dossierGrants = /* @__PURE__ */ defineEntity({
  kind: 'dossier-grant', label: 'dossier grant', schema: DossierGrant,
  keys: { pk: accountPk, sk: 'GRANT#<staffId>#<id>' },
  patterns: {
    ofStaff: { doc: 'does staff S hold a grant on account A (expired too)', sk: 'GRANT#<staffId>#' },
    all: { doc: "an account's dossier grants, by person then grant (oldest first)", sk: 'GRANT#' },
  },
});

export const dossierAccessLog = /* @__PURE__ */ defineEntity({
  kind: 'dossier-access', label: 'dossier access log', schema: DossierAccess,
  audit: { id: (a) => a.accountId },
  keys: { pk: 'DOSSIERLOG#<accountId>', sk: '<at>#<id>' },
  patterns: { newestFirst: { doc: "an account's dossier access log, newest first", newestFirst: true } },
});

/**
 * The audit record names the change but leaves the content out: the content's history is
 * in the version items, which only dossier readers reach; the audit trail should not be
 * a second, unlogged copy of it.
 */
const auditOf = (entry: DossierEntry) => ({
  id: entry.id,
  accountId: entry.accountId,
  kind: entry.kind,
  title: entry.title,
  version: entry.version,
  contentLength: entry.content.length,
});

/** A new entry, its first version and its audit record, all or nothing. */
export const insertEntry = (entry: DossierEntry, ctx: AuditContext) => {
  const taken = () => new Conflict(msg(M.dossier_entryIdTaken, { id: entry.id }));
  return insertAudited(dossierEntries, entry, { ctx, action: 'create', also: [{ ...historyPut(dossierEntries, entry), onFail: taken }], trail: { after: auditOf(entry) } }, taken);
};

/**
 * Replaces the current entry if it is still at `before.version` and adds the new version
 * beside the old ones (no version is overwritten). 404 when gone, 412 when changed.
 */
export const replaceEntry = (before: DossierEntry, after: DossierEntry, ctx: AuditContext) =>
  replaceAudited(dossierEntries, before, after, {
    ctx,
    action: 'update',
    gone: () => new NotFound(msg(M.dossier_entryNotFound, { entryId: before.id, accountId: before.accountId })),
    also: [{ ...historyPut(dossierEntries, after), onFail: () => new PreconditionFailed() }],
    trail: { before: auditOf(before), after: auditOf(after) },
  });

/** A new grant and its audit record. */
export const insertGrant = (grant: DossierGrant, ctx: AuditContext) =>
  insertAudited(dossierGrants, grant, { ctx, action: 'create' }, () => new Conflict(msg(M.dossier_grantIdTaken, { id: grant.id })));

/** Access pattern: an account's dossier grants, by person then grant (oldest first); optionally one person's. */
export const listGrants = (accountId: string, limit: number, cursor?: string, staffId?: string): Promise<Page<DossierGrant>> =>
  staffId === undefined ? page(dossierGrants, 'all', { accountId }, limit, cursor) : page(dossierGrants, 'ofStaff', { accountId, staffId }, limit, cursor);

/**
 * Logs a read, with its audit record, before the reply leaves: if this write fails, so
 * does the read, so no read goes unlogged.
 */
export const appendAccessLog = (access: DossierAccess, ctx: AuditContext) =>
  insertAudited(dossierAccessLog, access, { ctx, action: 'read', trail: { after: { id: access.id, operation: access.operation } } });

