import type { AuditContext } from '#shared/db/audit.ts';
import { insertAudited, moveAudited, replaceAudited } from '#shared/db/audited.ts';
import { defineEntity, page } from '#shared/db/entity.ts';
import { allOf, equals } from '#shared/db/query.ts';
import type { Page } from '#shared/db/pagination.ts';
import { alreadyAcknowledged } from '#shared/domain/oversight.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import { MajorMatter, type MatterStatus, SpotCheck } from '#shared/schemas/oversight.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

// Follow-ups live inside their spot check: they are few, read with it and changed one at a time.
export const spotChecks = /* @__PURE__ */ defineEntity({
  kind: 'spot-check', label: 'spot check (with follow-ups)', schema: SpotCheck, versioned: true,
  keys: { pk: 'SPOTCHECK#<id>', sk: 'PROFILE', gsi1: { pk: 'ACCOUNT#<accountId>#SPOTCHECKS', sk: '<checkedOn>#<id>' } },
  patterns: { byAccount: { doc: "an account's spot checks, newest check day first", index: 'gsi1', newestFirst: true } },
});

export const majorMatters = /* @__PURE__ */ defineEntity({
  kind: 'major-matter', label: 'major-matter report', schema: MajorMatter, versioned: true,
  keys: {
    pk: 'MATTER#<id>', sk: 'PROFILE',
    gsi1: { pk: 'ACCOUNT#<accountId>#MATTERS', sk: '<reportedAt>#<id>' },
    // The status partition moves on acknowledgement, so the unacknowledged list holds only what is still waiting.
    gsi2: { pk: 'MATTERS#<status>', sk: '<reportedAt>#<id>' },
  },
  patterns: {
    byAccount: { doc: "an account's major-matter reports, newest first, by status or reporter", index: 'gsi1', newestFirst: true },
    byStatus: { doc: 'major-matter reports of one status, newest first', index: 'gsi2', newestFirst: true },
  },
});

/* ---------- spot checks ---------- */

/** A new spot check and its audit record, all or nothing. */
export const insertSpotCheck = (check: SpotCheck, ctx: AuditContext) =>
  insertAudited(spotChecks, check, { ctx, action: 'create' }, () => new Conflict(msg(M.oversight_spotCheckIdTaken, { id: check.id })));

/**
 * Writes a changed spot check if it is still at the version read: 404 when gone, 412 when
 * someone changed it first (the use case re-reads and tries again).
 */
export const replaceSpotCheck = (before: SpotCheck, after: SpotCheck, action: string, ctx: AuditContext) =>
  replaceAudited(spotChecks, before, after, { ctx, action, gone: () => new NotFound(msg(M.oversight_spotCheckNotFound, { id: before.id })) });

/* ---------- major matters ---------- */

/** A new report and its audit record, all or nothing. */
export const insertMajorMatter = (matter: MajorMatter, ctx: AuditContext) =>
  insertAudited(majorMatters, matter, { ctx, action: 'create' }, () => new Conflict(msg(M.oversight_majorMatterIdTaken, { id: matter.id })));

/**
 * Writes the acknowledgement on condition that the report is still unacknowledged at the
 * version read, so of racing acknowledgements exactly one lands; the others get 409.
 */
export const recordAcknowledgement = (before: MajorMatter, after: MajorMatter, ctx: AuditContext) =>
  moveAudited(majorMatters, before, after, 'unacknowledged', {
    gone: () => new NotFound(msg(M.oversight_majorMatterNotFound, { id: before.id })),
    moved: () => alreadyAcknowledged(before),
    changed: () => new Conflict(msg(M.oversight_matterChanged, { id: before.id }), 'concurrent-change'),
  }, { ctx, action: 'acknowledge' });

export interface AccountMatterFilter {
  accountId: string;
  status?: MatterStatus;
  /** Only the reports this person filed. */
  reportedBy?: string;
  limit: number;
  cursor?: string;
}

/** Access pattern: an account's reports, newest first (gsi1 `ACCOUNT#<id>#MATTERS`), by status or reporter. */
export const listMajorMattersByAccount = ({ accountId, status, reportedBy, limit, cursor }: AccountMatterFilter): Promise<Page<MajorMatter>> =>
  page(majorMatters, 'byAccount', { accountId }, limit, cursor, { filter: allOf(equals('status', status), equals('reportedBy', reportedBy)) });
