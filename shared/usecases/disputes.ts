import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { getAccountById } from '#shared/db/accounts.ts';
import * as store from '#shared/db/disputes.ts';
import { get, page } from '#shared/db/entity.ts';
import type { Page } from '#shared/db/pagination.ts';
import * as rules from '#shared/domain/disputes.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { Forbidden, NotFound } from '#shared/errors.ts';
import type { Account } from '#shared/schemas/accounts.ts';
import { accountListScope, anyListed, guardAccount } from '#shared/usecases/account-guard.ts';
import type { DecisionInput, Dispute, FileDisputeInput, ListDisputesQuery } from '#shared/schemas/disputes.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const disputeLocation = (id: string) => `/v1/disputes/${encodeURIComponent(id)}`;

const mustGetAccount = async (id: string): Promise<Account> => {
  const account = await getAccountById(id);
  if (account === undefined) throw new NotFound(msg(M.account_notFound, { id }));
  return account;
};

const mustGet = async (id: string): Promise<Dispute> => {
  const dispute = await get(store.disputes, { id });
  if (dispute === undefined) throw new NotFound(msg(M.dispute_notFound, { id }));
  return dispute;
};

/**
 * Files a dispute about an existing account; the opportunity, when named, is kept as given.
 * Any filer may name any account: a dispute is how a department raises a claim on one, and
 * the filed dispute ties the filer to the account from then on.
 */
export const fileDispute = async (caller: Caller, input: FileDisputeInput, audit: AuditContext): Promise<Dispute> => {
  await mustGetAccount(input.accountId);
  const dispute = rules.newDispute(ulid(), input, caller, audit.at);
  await store.insertDispute(dispute, audit);
  return dispute;
};

/** The dispute, if the caller is one of those who see it; to anyone else it does not exist. */
export const readDispute = async (caller: Caller, id: string): Promise<Dispute> => {
  const dispute = await mustGet(id);
  const account = await getAccountById(dispute.accountId);
  if (rules.mayReadDispute(caller, dispute, account)) return dispute;
  // Anyone else: the account guard's answer for the account's disputes (403 if they know the account, else 404).
  if (account !== undefined) await guardAccount(caller, account, 'held', { hidden: () => new NotFound(msg(M.dispute_notFound, { id })) });
  throw new NotFound(msg(M.dispute_notFound, { id }));
};

/**
 * The coordination group and leadership list any disputes: one account's, or all of one
 * status (open unless asked). Everyone else lists one account's at a time: its current
 * contact leader and sales manager see all of them, anyone else those they are a party to.
 */
export const findDisputes = async (caller: Caller, query: ListDisputesQuery): Promise<Page<Dispute>> => {
  const { accountId, status, limit, cursor } = query;
  if (accountId === undefined) {
    if (!rules.seesAllDisputes(caller)) {
      throw new Forbidden(msg(M.dispute_listAcross), 'role-not-allowed');
    }
    return page(store.disputes, 'byStatus', { status: status ?? 'open' }, limit, cursor);
  }
  const party = { staffId: caller.id, department: caller.department };
  const isParty = () => anyListed((next) => store.listDisputesByAccount({ accountId, partyOf: party, limit: 100, cursor: next }));
  const { scope } = await accountListScope(caller, accountId, 'held', isParty);
  return store.listDisputesByAccount({ accountId, status, partyOf: scope === 'own' ? party : undefined, limit, cursor });
};

/** The coordination group decides an open dispute; the decision is final (409 on a second). */
export const decideDispute = async (id: string, input: DecisionInput, audit: AuditContext): Promise<Dispute> => {
  const before = await mustGet(id);
  const after = rules.decide(before, input, audit.actorId, audit.at);
  await store.recordDecision(before, after, audit);
  return after;
};
