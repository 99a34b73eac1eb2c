import { Conflict, fieldError, RuleViolation } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type { AnswerInput, PriorityRequest, RequestInput } from '#shared/schemas/requests.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/* Priority requests (domain.md §4): logged by the account's people, answered by the department they are routed to. */

export const isOpen = (r: Pick<PriorityRequest, 'status'>): boolean => r.status === 'open' || r.status === 'accepted';

/** Where a request stands in its department's queue: key accounts' first, then by due day. */
export const queueRank = (r: Pick<PriorityRequest, 'accountTier'>): string => (r.accountTier === 'key' ? '0' : '1');

export const newRequest = (id: string, account: Account, input: RequestInput, by: string, at: string, today: string): PriorityRequest => {
  if (input.dueOn < today) {
    throw new RuleViolation('request-due-past', msg(M.request_duePast), [fieldError('body.dueOn', msg(M.field_todayOrLater, { today }))]);
  }
  return {
    id, accountId: account.id, accountTier: account.tier, kind: input.kind, summary: input.summary, department: input.department, dueOn: input.dueOn,
    status: 'open', loggedBy: by, loggedAt: at, acceptedBy: null, acceptedAt: null, delivered: null, declineReason: null, closedBy: null, closedAt: null, version: 1,
  };
};

/** open → accepted; open or accepted → done or declined; a closed request is not answered again (409). */
export const answer = (before: PriorityRequest, input: AnswerInput, by: string, at: string): PriorityRequest => {
  if (!isOpen(before) || (input.outcome === 'accepted' && before.status === 'accepted')) {
    throw new Conflict(msg(M.request_answered, { id: before.id, status: before.status }), 'request-answered');
  }
  const next = { ...before, version: before.version + 1 };
  switch (input.outcome) {
    case 'accepted':
      return { ...next, status: 'accepted', acceptedBy: by, acceptedAt: at };
    case 'done':
      return { ...next, status: 'done', delivered: input.delivered ?? null, closedBy: by, closedAt: at };
    case 'declined':
      return { ...next, status: 'declined', declineReason: input.reason ?? null, closedBy: by, closedAt: at };
  }
};
