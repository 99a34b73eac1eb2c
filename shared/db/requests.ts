import type { AuditContext } from '#shared/db/audit.ts';
import { insertAudited, replaceAudited } from '#shared/db/audited.ts';
import { all, defineEntity, page } from '#shared/db/entity.ts';
import { equals } from '#shared/db/query.ts';
import type { Page } from '#shared/db/pagination.ts';
import { accountPk } from '#shared/db/partitions.ts';
import { NotFound } from '#shared/errors.ts';
import { isOpen, queueRank } from '#shared/domain/requests.ts';
import { PriorityRequest, type RequestStatus } from '#shared/schemas/requests.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/*
 * A request lives beside its account; while it is open it is also in its department's
 * queue (gsi1: key accounts' requests sort before others', then by due day) and in the
 * list of open requests by due day (gsi2, for the overdue ones). Both are sparse: a
 * request done or declined leaves them with the same write.
 */
export const priorityRequests = /* @__PURE__ */ built(() => defineEntity({
  kind: 'priority-request', label: 'priority request', schema: PriorityRequest, versioned: true,
  derive: (r) => ({ rank: queueRank(r), open: isOpen(r) }),
  keys: {
    pk: accountPk, sk: 'REQUEST#<id>',
    gsi1: { pk: 'DEPTREQUESTS#<department>', sk: '<rank>#<dueOn>#<id>', when: (r) => r.open === true, note: 'open only: the department queue' },
    gsi2: { pk: 'REQUESTS#OPEN', sk: '<dueOn>#<accountId>#<id>', when: (r) => r.open === true, note: 'open only: overdue ones' },
  },
  patterns: {
    ofAccount: { doc: "an account's requests, oldest first (by status: filtered)", pk: accountPk, sk: 'REQUEST#' },
    departmentQueue: { doc: "a department's open requests, key accounts' first, then by due day", index: 'gsi1', pk: 'DEPTREQUESTS#<department>' },
    openByDue: { doc: 'open requests due before a day (overdue), earliest due first', index: 'gsi2', pk: 'REQUESTS#OPEN' },
  },
}));

export const insertRequest = (request: PriorityRequest, ctx: AuditContext) =>
  insertAudited(priorityRequests, request, { ctx, action: 'log' });

export const replaceRequest = (before: PriorityRequest, after: PriorityRequest, ctx: AuditContext) =>
  replaceAudited(priorityRequests, before, after, { ctx, action: after.status, gone: () => new NotFound(msg(M.request_notFound, { id: before.id, accountId: before.accountId })) });

/** Access pattern: an account's requests, oldest first, optionally of one status. */
export const listRequestsOfAccount = (accountId: string, limit: number, cursor?: string, status?: RequestStatus): Promise<Page<PriorityRequest>> =>
  page(priorityRequests, 'ofAccount', { accountId }, limit, cursor, { filter: equals('status', status) });

/** Access pattern: an account's requests routed to one department (is the department tied to the account?). */
export const listRequestsOfAccountForDepartment = (accountId: string, department: string, cursor?: string): Promise<Page<PriorityRequest>> =>
  page(priorityRequests, 'ofAccount', { accountId }, 200, cursor, { filter: equals('department', department) });

/** Access pattern: open requests due before `today` (overdue), earliest due first. */
export const listOverdueRequests = (today: string, limit: number, cursor?: string): Promise<Page<PriorityRequest>> =>
  page(priorityRequests, 'openByDue', {}, limit, cursor, { range: { before: today } });

/** Access pattern: an account's open requests (open or accepted), oldest first (the handover form). */
export const allOpenRequestsOfAccount = (accountId: string): Promise<PriorityRequest[]> =>
  all(priorityRequests, 'ofAccount', { accountId }, { filter: { expression: '#status IN (:open, :accepted)', names: { '#status': 'status' }, values: { ':open': 'open', ':accepted': 'accepted' } } });
