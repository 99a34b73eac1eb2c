import { holdsAccount } from '#shared/domain/accounts.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Conflict, fieldError, RuleViolation } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { DecisionInput, Dispute, FileDisputeInput } from '#shared/schemas/disputes.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/** The coordination group arbitrates disputes (domain.md §1); leadership reads everything. */
const overseers: readonly Role[] = ['coordinator', 'leadership'];

export const seesAllDisputes = (caller: Caller): boolean => hasAnyRole(caller, overseers);

/** A side of the dispute: the filer, the filing department or the department it is against. */
export const isPartyTo = (caller: Caller, dispute: Dispute): boolean =>
  caller.id === dispute.filedBy || caller.department === dispute.filedByDepartment || caller.department === dispute.againstDepartment;

/**
 * Who sees a dispute ("both sides"): its parties, the account's current contact leader and
 * sales manager, the coordination group and leadership. Anyone else is told it does not
 * exist (404), as they may not know about it.
 */
export const mayReadDispute = (caller: Caller, dispute: Dispute, account: Account | undefined): boolean =>
  seesAllDisputes(caller) || isPartyTo(caller, dispute) || (account !== undefined && holdsAccount(caller, account));

/**
 * Which of one account's disputes a caller without the overview may list: its current
 * holders see them all (they see each one under `mayReadDispute`); anyone else only those
 * they are a party to. The list applies the same rule as the single read.
 */
export const accountDisputeScope = (caller: Caller, account: Account): 'all' | 'party' =>
  seesAllDisputes(caller) || holdsAccount(caller, account) ? 'all' : 'party';

/** A new open dispute, filed by the caller on behalf of their department. */
export const newDispute = (id: string, input: FileDisputeInput, filer: Caller, filedAt: string): Dispute => {
  if (input.againstDepartment === filer.department) {
    throw new RuleViolation('dispute-against-own-department', msg(M.dispute_ownDepartment, { department: filer.department }), [
      fieldError('body.againstDepartment', msg(M.field_otherDepartment)),
    ]);
  }
  return {
    id,
    accountId: input.accountId,
    opportunityId: input.opportunityId ?? null,
    filedBy: filer.id,
    filedByDepartment: filer.department,
    againstDepartment: input.againstDepartment ?? null,
    subject: input.subject,
    description: input.description,
    status: 'open',
    filedAt,
    decision: null,
    version: 1,
  };
};

export const alreadyDecided = (dispute: Pick<Dispute, 'id'>) =>
  new Conflict(msg(M.dispute_decided, { id: dispute.id }), 'dispute-already-decided');

/** The coordination group's decision: recorded once, binding on both sides. */
export const decide = (dispute: Dispute, input: DecisionInput, decidedBy: string, at: string): Dispute => {
  if (dispute.status !== 'open') throw alreadyDecided(dispute);
  return {
    ...dispute,
    status: 'decided',
    decision: { text: input.decision, inFavourOf: input.inFavourOf, decidedBy, decidedOn: todayInShanghai(new Date(at)) },
    version: dispute.version + 1,
  };
};
