import {
  type Assessment,
  type AssessmentAccount,
  type AssessmentInput,
  assessRole,
} from '#shared/domain/pay/assessment.ts';
import { holdingOf } from '#shared/domain/pay/compliance.ts';
import type { DayRange } from '#shared/domain/pay/period.ts';
import { type TierName, policyRates, tierIndexFor } from '#shared/domain/pay/policy.ts';
import { ceil, integer, mul, sub, toSafeNumber } from '#shared/domain/pay/rational.ts';

/** Extra records to imagine on top of what is recorded (the what-if of issue "Pay over time", item 5). */
export interface WhatIf {
  /** Fen of contract won, dated on a day the person holds an account. */
  readonly addContractAmount?: number;
  /** Fen of payments received, likewise. */
  readonly addCollectionAmount?: number;
  /** Formal visits, placed on the accounts still short of their requirement first. */
  readonly addVisits?: number;
}

/** The least of each lever, alone, that lifts R to the next tier's minimum; `null` where it cannot (the cap, no target, nothing required). */
export interface ToNextTier {
  tier: TierName;
  minimum: string;
  contractAmount: number | null;
  collectionAmount: number | null;
  visits: number | null;
}

/** The last day ≤ `on` inside the held days, or the last held day when all are later. */
const dayFor = (ranges: readonly DayRange[], on: string): string | undefined => {
  const last = ranges.at(-1);
  if (last === undefined) return undefined;
  const before = ranges.filter((r) => r.from <= on);
  const range = before.at(-1);
  if (range === undefined) return last.to;
  return range.to < on ? range.to : on;
};

interface Held {
  account: AssessmentAccount;
  day: string;
}

const heldAccounts = (input: AssessmentInput, on: string): Held[] =>
  input.accounts.flatMap((account) => {
    const day = dayFor(holdingOf(account.assignments, input.role, input.staffId, input.period).ranges, on);
    return day === undefined ? [] : [{ account, day }];
  });

/**
 * The input with the what-if's records added, as real records would be: contract and
 * collection on the first held account (credits and targets are summed over accounts, so
 * which one does not change R), visits where they still count.
 */
export const withWhatIf = (input: AssessmentInput, on: string, whatIf: WhatIf): AssessmentInput => {
  const held = heldAccounts(input, on);
  const first = held[0];
  if (first === undefined) return input;
  const extra = new Map<string, AssessmentAccount>();
  const edit = (target: Held, change: (a: AssessmentAccount) => AssessmentAccount) => {
    extra.set(target.account.accountId, change(extra.get(target.account.accountId) ?? target.account));
  };
  if ((whatIf.addContractAmount ?? 0) > 0) {
    edit(first, (a) => ({ ...a, projects: [...a.projects, { contractAmount: whatIf.addContractAmount ?? 0, wonOn: first.day }] }));
  }
  if ((whatIf.addCollectionAmount ?? 0) > 0) {
    edit(first, (a) => ({ ...a, payments: [...a.payments, { amount: whatIf.addCollectionAmount ?? 0, receivedOn: first.day }] }));
  }
  let visits = whatIf.addVisits ?? 0;
  if (visits > 0) {
    const rows = assessRole(input).view.accounts;
    for (const target of held) {
      const missing = rows.find((r) => r.accountId === target.account.accountId)?.visitsMissing ?? 0;
      const placed = Math.min(missing, visits);
      if (placed === 0) continue;
      visits -= placed;
      edit(target, (a) => ({ ...a, visits: [...a.visits, ...Array.from({ length: placed }, () => ({ type: 'formal_visit' as const, visitedOn: target.day, madeBy: input.staffId }))] }));
    }
    if (visits > 0) {
      edit(first, (a) => ({ ...a, visits: [...a.visits, ...Array.from({ length: visits }, () => ({ type: 'formal_visit' as const, visitedOn: first.day, madeBy: input.staffId }))] }));
    }
  }
  return { ...input, accounts: input.accounts.map((a) => extra.get(a.accountId) ?? a) };
};

/** The tier index R alone gives (before any peer-score demotion): the tiers are steps of R. */
const tierOf = (input: AssessmentInput, assessment: Assessment): number => tierIndexFor(policyRates(input.policy).tiers, assessment.exact.ratio);

/** The least n in [0, hi] for which `lifts(n)` holds, or null; `lifts` must be monotone. */
const least = (hi: bigint, lifts: (n: bigint) => boolean): bigint | null => {
  if (hi < 0n || !lifts(hi)) return null;
  let lo = 0n;
  let top = hi;
  while (lo < top) {
    const mid = (lo + top) / 2n;
    if (lifts(mid)) top = mid;
    else lo = mid + 1n;
  }
  return lo;
};

/**
 * What each lever alone needs to reach the next tier, by the close's own assessment run
 * on the input plus the extra records (so the answer is exactly what a close would give).
 * R is monotone in each lever and stops growing at the cap (contract, collection) or when
 * every required visit is made, which bounds each search.
 */
export const toNextTier = (input: AssessmentInput, on: string): ToNextTier | null => {
  const now = assessRole(input);
  const rates = policyRates(input.policy);
  const next = rates.tiers[tierOf(input, now) + 1];
  if (next === undefined) return null;
  const target = tierOf(input, now) + 1;
  const reaches = (whatIf: WhatIf) => {
    const changed = withWhatIf(input, on, whatIf);
    return tierOf(changed, assessRole(changed)) >= target;
  };
  const atCap = (credit: bigint, targetAmount: ReturnType<typeof integer>) => ceil(sub(mul(targetAmount, rates.cap), integer(credit)));
  const { contractTarget, collectionTarget, contractCredit, collectionCredit } = now.exact;
  const contract = contractTarget.n === 0n ? null : least(atCap(contractCredit, contractTarget), (n) => reaches({ addContractAmount: Number(n) }));
  const collection = collectionTarget.n === 0n ? null : least(atCap(collectionCredit, collectionTarget), (n) => reaches({ addCollectionAmount: Number(n) }));
  const shortfall = BigInt(now.view.visits.missing);
  const visits = now.view.visits.required === 0 ? null : least(shortfall, (n) => reaches({ addVisits: Number(n) }));
  const fen = (n: bigint | null) => (n === null ? null : toSafeNumber(n));
  return { tier: next.tier, minimum: next.minimumText, contractAmount: fen(contract), collectionAmount: fen(collection), visits: fen(visits) };
};
