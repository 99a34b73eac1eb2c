import type { AuditContext } from '#shared/db/audit.ts';
import { insertAudited, moveAudited } from '#shared/db/audited.ts';
import { defineEntity, page } from '#shared/db/entity.ts';
import { allOf, equals } from '#shared/db/query.ts';
import type { Page } from '#shared/db/pagination.ts';
import { alreadyDecided } from '#shared/domain/disputes.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import { Dispute, type DisputeStatus } from '#shared/schemas/disputes.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const disputes = /* @__PURE__ */ defineEntity({
  kind: 'dispute',
  label: 'market dispute',
  schema: Dispute,
  versioned: true,
  keys: {
    pk: 'DISPUTE#<id>', sk: 'PROFILE',
    // The status partition moves on decision, so the open list never holds a decided dispute.
    gsi2: { pk: 'DISPUTES#<status>', sk: '<filedAt>#<id>' },
    gsi3: { pk: 'ACCOUNT#<accountId>#DISPUTES', sk: '<filedAt>#<id>' },
  },
  patterns: {
    byStatus: { doc: 'disputes of one status, newest first', index: 'gsi2', newestFirst: true },
    byAccount: { doc: "an account's disputes, newest first, by status or party", index: 'gsi3', newestFirst: true },
  },
});

/** A new dispute and its audit record, all or nothing. */
export const insertDispute = (dispute: Dispute, ctx: AuditContext) =>
  insertAudited(disputes, dispute, { ctx, action: 'create' }, () => new Conflict(msg(M.dispute_idTaken, { id: dispute.id })));

/**
 * Writes the decision on condition that the dispute is still open at the version read, so
 * of racing decisions exactly one lands; the others get 409 (404 if the dispute is gone).
 */
export const recordDecision = (before: Dispute, after: Dispute, ctx: AuditContext) =>
  moveAudited(disputes, before, after, 'open', {
    gone: () => new NotFound(msg(M.dispute_notFound, { id: before.id })),
    moved: () => alreadyDecided(before),
    changed: () => new Conflict(msg(M.dispute_changedWhileDeciding, { id: before.id }), 'concurrent-change'),
  }, { ctx, action: 'decide' });

export interface AccountDisputeFilter {
  accountId: string;
  status?: DisputeStatus;
  /** Only disputes this person filed, or their department filed or is named against. */
  partyOf?: { staffId: string; department: string };
  limit: number;
  cursor?: string;
}

/** Access pattern: an account's disputes, newest first (gsi3 `ACCOUNT#<id>#DISPUTES`), by status or party. */
export const listDisputesByAccount = ({ accountId, status, partyOf, limit, cursor }: AccountDisputeFilter): Promise<Page<Dispute>> => {
  const party =
    partyOf === undefined
      ? undefined
      : { expression: 'filedBy = :me OR filedByDepartment = :department OR againstDepartment = :department', values: { ':me': partyOf.staffId, ':department': partyOf.department } };
  return page(disputes, 'byAccount', { accountId }, limit, cursor, { filter: allOf(equals('status', status), party) });
};
