import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import type { Page } from '#shared/db/pagination.ts';
import { get, page } from '#shared/db/entity.ts';
import * as store from '#shared/db/requests.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import * as rules from '#shared/domain/requests.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Forbidden, NotFound } from '#shared/errors.ts';
import type { AnswerInput, PriorityRequest, RequestInput, RequestStatus } from '#shared/schemas/requests.ts';
import { getAccountById } from '#shared/db/accounts.ts';
import { anyListed, guardAccount, loadAccountFor } from '#shared/usecases/account-guard.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * Priority requests (domain.md §4; paper §4.1). The account's people log them (exclusive
 * ownership: on a key account its holders and coordinators); the department they are
 * routed to answers, or a coordinator; the account's readers see every answer.
 */

const today = (audit: AuditContext) => todayInShanghai(new Date(audit.at));
export const requestLocation = (r: Pick<PriorityRequest, 'accountId' | 'id'>) =>
  `/v1/accounts/${encodeURIComponent(r.accountId)}/requests/${encodeURIComponent(r.id)}`;

/** Its department's staff, and the coordination group, answer a request. */
const answers = (caller: Caller, r: PriorityRequest) =>
  hasAnyRole(caller, ['coordinator']) || (hasAnyRole(caller, ['department_staff']) && caller.department === r.department);

export const logRequest = async (caller: Caller, accountId: string, input: RequestInput, audit: AuditContext): Promise<PriorityRequest> => {
  const account = await loadAccountFor(caller, accountId, 'act');
  const request = rules.newRequest(ulid(), account, input, caller.id, audit.at, today(audit));
  await store.insertRequest(request, audit);
  return request;
};

export const accountRequests = async (caller: Caller, accountId: string, query: { status?: RequestStatus; limit: number; cursor?: string }) => {
  // A department that was routed one of the account's requests knows the account: 403, not 404.
  const routed = () => anyListed((cursor) => store.listRequestsOfAccountForDepartment(accountId, caller.department, cursor));
  await loadAccountFor(caller, accountId, 'read', { tie: routed });
  return store.listRequestsOfAccount(accountId, query.limit, query.cursor, query.status);
};

/**
 * A request and whether the caller is of the department it is routed to (or a
 * coordinator). Anyone else must read the account: the one guard refuses them (403 to
 * those who know it, a routed request being a tie; 404 to strangers) before a missing
 * request is told apart from a missing account.
 */
const loadRequest = async (caller: Caller, accountId: string, requestId: string) => {
  const [account, request] = await Promise.all([getAccountById(accountId), get(store.priorityRequests, { accountId, id: requestId })]);
  if (account === undefined) throw new NotFound(msg(M.account_notFound, { id: accountId }));
  if (request !== undefined && answers(caller, request)) return { request, answering: true };
  await guardAccount(caller, account, 'read', { tie: async () => request?.department === caller.department });
  if (request === undefined) throw new NotFound(msg(M.request_notFound, { id: requestId, accountId }));
  return { request, answering: false };
};

export const readRequest = async (caller: Caller, accountId: string, requestId: string): Promise<PriorityRequest> =>
  (await loadRequest(caller, accountId, requestId)).request;

/** The department's answer: accepted, done (with what was delivered) or declined (with a reason). */
export const answerRequest = (caller: Caller, accountId: string, requestId: string, input: AnswerInput, audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'request', id: requestId }), async () => {
    const { request: before, answering } = await loadRequest(caller, accountId, requestId);
    if (!answering) throw new Forbidden(msg(M.request_answeredByDepartment, { department: before.department }), 'not-the-delivering-department');
    const after = rules.answer(before, input, caller.id, audit.at);
    await store.replaceRequest(before, after, audit);
    return after;
  });

/** A department's queue: its own staff, the coordination group and leadership read it. */
export const departmentQueue = async (caller: Caller, department: string, query: { limit: number; cursor?: string }): Promise<Page<PriorityRequest>> => {
  if (!hasAnyRole(caller, ['coordinator', 'leadership']) && caller.department !== department) {
    throw new Forbidden(msg(M.request_ownDepartmentQueue, { department }), 'not-of-department');
  }
  return page(store.priorityRequests, 'departmentQueue', { department }, query.limit, query.cursor);
};

export const overdueRequests = (query: { limit: number; cursor?: string }, audit: AuditContext): Promise<Page<PriorityRequest>> =>
  store.listOverdueRequests(today(audit), query.limit, query.cursor);
