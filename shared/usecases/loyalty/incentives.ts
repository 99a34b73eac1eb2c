import { loyaltyLine } from '#shared/domain/loyalty/explain.ts';
import type { Language } from '#shared/domain/pay/explain.ts';
import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { getAccountById } from '#shared/db/accounts.ts';
import { listProjectsWonBetween } from '#shared/db/business.ts';
import { all, get, page } from '#shared/db/entity.ts';
import * as store from '#shared/db/loyalty.ts';
import { assertKey } from '#shared/domain/accounts.ts';
import * as rules from '#shared/domain/loyalty/incentives.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { NotFound } from '#shared/errors.ts';
import type { Incentive, IncentiveInput } from '#shared/schemas/loyalty.ts';
import { guardAccount, loadAccountFor } from '#shared/usecases/account-guard.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export const incentiveLocation = (id: string) => `/v1/incentives/${encodeURIComponent(id)}`;

/** The account's people (or a coordinator) propose a discount, rebate or reward for a key account. */
export const proposeIncentive = async (caller: Caller, accountId: string, input: IncentiveInput, audit: AuditContext): Promise<Incentive> => {
  assertKey(await loadAccountFor(caller, accountId, 'act'));
  const incentive = rules.newIncentive(ulid(), accountId, input, audit.actorId, audit.at);
  await store.insertIncentive(incentive, audit);
  return incentive;
};

export const readIncentive = async (caller: Caller, id: string): Promise<Incentive> => {
  const hidden = () => new NotFound(msg(M.loyalty_incentiveNotFound, { id }));
  const incentive = await get(store.incentives, { id });
  const account = incentive === undefined ? undefined : await getAccountById(incentive.accountId);
  if (incentive === undefined || account === undefined) throw hidden();
  await guardAccount(caller, account, 'records', { hidden });
  return incentive;
};

/**
 * A coordinator or leadership approves, never the proposer; 409 if it would overlap an
 * approved one of its kind. The kind's approval sequence is read before the overlap check
 * and must be unchanged when the approval is written.
 */
export const approveIncentive = async (id: string, audit: AuditContext): Promise<Incentive> => {
  const before = await get(store.incentives, { id });
  if (before === undefined) throw new NotFound(msg(M.loyalty_incentiveNotFound, { id }));
  const lock = await get(store.incentiveLocks, { accountId: before.accountId, kind: before.kind });
  const approved = (await all(store.incentives, 'byAccount', { accountId: before.accountId })).filter((i) => i.status === 'approved');
  const after = rules.approve(before, approved, audit.actorId, audit.at);
  await store.saveApproval(before, after, lock?.version ?? null, audit);
  return after;
};

export const findAccountIncentives = async (caller: Caller, accountId: string, limit: number, cursor?: string) => {
  await loadAccountFor(caller, accountId, 'records');
  return page(store.incentives, 'byAccount', { accountId }, limit, cursor);
};

/** The approved discount in force on an account on `day` (the opportunity and project views). */
export const discountInForce = async (accountId: string, day: string) => {
  const found = rules.discountOn(await all(store.incentives, 'byAccount', { accountId: accountId }), day);
  return found === undefined ? null : { incentiveId: found.id, rateBasisPoints: found.rateBasisPoints ?? 0, validFrom: found.validFrom, validTo: found.validTo };
};

/** The year's incentive cost of an account beside the contract amount it won that year. */
export const incentiveCostOf = async (caller: Caller, accountId: string, year: number, language: Language = 'en') => {
  await loadAccountFor(caller, accountId, 'records');
  const [incentives, projects] = await Promise.all([all(store.incentives, 'byAccount', { accountId: accountId }), listProjectsWonBetween(accountId, `${year}-01-01`, `${year}-12-31`)]);
  const cost = rules.incentiveCost(incentives, projects, year);
  const lines = cost.lines.map((l) => ({ ...l, basis: loyaltyLine(l.basis, language) }));
  return { accountId, year, contractAmount: projects.reduce((s, p) => s + p.contractAmount, 0), costAmount: cost.costAmount, lines };
};
