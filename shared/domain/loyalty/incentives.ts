import { BadRequest, Conflict, fieldError, Forbidden } from '#shared/errors.ts';
import type { Incentive, IncentiveInput } from '#shared/schemas/loyalty.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * Customer incentives (paper §4.7; issue 13 item 4): a discount with a rate in basis
 * points, or a rebate or reward with an amount in fen or a rule; proposed by the
 * account's people, approved by a coordinator or leadership who is not the proposer.
 */

/** The shape a kind needs: a discount a rate and nothing else; a rebate or reward an amount or a rule, no rate. */
export const incentiveShapeErrors = (input: IncentiveInput) => {
  const errors = [];
  if (input.kind === 'discount') {
    if (input.rateBasisPoints === undefined) errors.push(fieldError('body.rateBasisPoints', msg(M.field_requiredForKind, { kind: input.kind })));
    if (input.amount !== undefined) errors.push(fieldError('body.amount', msg(M.field_notForKind, { kind: input.kind })));
    if (input.rule !== undefined) errors.push(fieldError('body.rule', msg(M.field_notForKind, { kind: input.kind })));
  } else {
    if (input.rateBasisPoints !== undefined) errors.push(fieldError('body.rateBasisPoints', msg(M.field_notForKind, { kind: input.kind })));
    if (input.amount === undefined && input.rule === undefined) errors.push(fieldError('body.amount', msg(M.field_amountOrRule)));
  }
  return errors;
};

export const newIncentive = (id: string, accountId: string, input: IncentiveInput, by: string, at: string): Incentive => {
  const errors = incentiveShapeErrors(input);
  if (errors.length > 0) throw new BadRequest(msg(M.rule_fields, { errors }), errors);
  return {
    id,
    accountId,
    kind: input.kind,
    rateBasisPoints: input.rateBasisPoints ?? null,
    amount: input.amount ?? null,
    rule: input.rule ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo,
    description: input.description,
    status: 'proposed',
    proposedBy: by,
    proposedAt: at,
    approvedBy: null,
    approvedAt: null,
    version: 1,
  };
};

const overlaps = (a: Pick<Incentive, 'validFrom' | 'validTo'>, b: Pick<Incentive, 'validFrom' | 'validTo'>) => a.validFrom <= b.validTo && b.validFrom <= a.validTo;

/** Four eyes (not the proposer), once, and no two approved incentives of one kind in force on the same day of one account. */
export const approve = (incentive: Incentive, approved: readonly Incentive[], by: string, at: string): Incentive => {
  if (incentive.status === 'approved') throw new Conflict(msg(M.loyalty_incentiveApproved, { id: incentive.id }), 'already-approved');
  if (incentive.proposedBy === by) throw new Forbidden(msg(M.loyalty_incentiveOwnProposal), 'four-eyes');
  const clash = approved.find((other) => other.id !== incentive.id && other.kind === incentive.kind && overlaps(other, incentive));
  if (clash !== undefined) {
    throw new Conflict(msg(M.loyalty_incentiveOverlap, { id: incentive.id, other: clash.id, kind: incentive.kind, from: clash.validFrom, to: clash.validTo }), 'incentive-overlap');
  }
  return { ...incentive, status: 'approved', approvedBy: by, approvedAt: at, version: incentive.version + 1 };
};

/** The approved discount in force on `day`, if any (at most one: approval refuses overlaps). */
export const discountOn = (incentives: readonly Incentive[], day: string): Incentive | undefined =>
  incentives.find((i) => i.kind === 'discount' && i.status === 'approved' && i.validFrom <= day && day <= i.validTo);

/**
 * The year's cost of each approved incentive: a discount costs its rate of the contract
 * amount of each project won while it was in force (half up to the fen); a rebate or reward
 * its amount when it was in force in the year; a rule alone has no amount to count.
 */
export const incentiveCost = (
  incentives: readonly Incentive[],
  projects: readonly { wonOn: string; contractAmount: number }[],
  year: number,
): { costAmount: number; lines: { incentiveId: string; kind: Incentive['kind']; costAmount: number | null; basis: string }[] } => {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const lines = incentives
    .filter((i) => i.status === 'approved' && overlaps(i, { validFrom: from, validTo: to }))
    .map((i) => {
      if (i.kind === 'discount') {
        const covered = projects.filter((p) => p.wonOn >= i.validFrom && p.wonOn <= i.validTo && p.wonOn >= from && p.wonOn <= to);
        const base = covered.reduce((s, p) => s + p.contractAmount, 0);
        const rate = BigInt(i.rateBasisPoints ?? 0);
        const cost = Number((BigInt(base) * rate * 2n + 10_000n) / 20_000n);
        return { incentiveId: i.id, kind: i.kind, costAmount: cost, basis: `${i.rateBasisPoints} bp of ${base} fen won in ${covered.length} project(s) while in force` };
      }
      if (i.amount !== null) return { incentiveId: i.id, kind: i.kind, costAmount: i.amount, basis: `${i.amount} fen, in force in ${year}` };
      return { incentiveId: i.id, kind: i.kind, costAmount: null, basis: 'a rule without an amount: not counted' };
    });
  return { costAmount: lines.reduce((s, l) => s + (l.costAmount ?? 0), 0), lines };
};
