import { getAccountsByIds, listHoldings } from '#shared/db/accounts.ts';
import * as store from '#shared/db/pay.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { allMeetingsOfType } from '#shared/db/upkeep.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import { type Assessment, type AssessmentInput, assessRole, rolesHeld } from '#shared/domain/pay/assessment.ts';
import { type WhatIf, toNextTier, withWhatIf } from '#shared/domain/pay/estimate.ts';
import { parsePayPeriod } from '#shared/domain/pay/period.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Conflict, Forbidden, NotFound } from '#shared/errors.ts';
import { gatherAccount, requirePolicy } from '#shared/usecases/close.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

const position = (a: Assessment) => ({
  ratio: a.view.ratio,
  tier: a.view.tier,
  coefficient: a.view.coefficient,
  demoted: a.view.demoted,
  components: a.view.components,
  performancePay: a.view.performancePay,
});

/**
 * What-if (issue 11, item 5): where a person stands in an open period now, by the close's
 * own pure functions on only their accounts (no write), what each lever alone needs for the
 * next tier, and with the optional additions the tier and pay they would give. The team
 * share is not estimated: it needs the whole team.
 */
export const estimate = async (caller: Caller, periodId: string, q: { staffId: string } & WhatIf) => {
  const period = parsePayPeriod(periodId);
  if (caller.id !== q.staffId && !hasAnyRole(caller, ['coordinator', 'leadership'])) {
    throw new Forbidden(msg(M.estimate_readers), 'role-not-allowed');
  }
  const staff = await getStaffById(q.staffId);
  if (staff === undefined) throw new NotFound(msg(M.staff_notFound, { id: q.staffId }));
  const state = await store.getPeriodState(period.id);
  if (state?.status === 'final') throw store.finalised(period.id);
  const today = todayInShanghai();
  if (today < period.from) throw new Conflict(msg(M.estimate_notBegun, { period: period.id }), 'period-not-open');
  // The day the imagined records fall on: today, or the period's last day once it has ended.
  const on = today > period.to ? period.to : today;
  const policy = await requirePolicy(period.year);
  const holdings = await listHoldings(q.staffId, { from: period.from, to: period.to });
  const held = (await getAccountsByIds([...new Set(holdings.map((h) => h.accountId))].sort())).filter((a) => a.tier === 'key' && a.keySince !== null && a.keySince <= period.to);
  const [accounts, scores, meetings] = await Promise.all([
    Promise.all(held.map((a) => gatherAccount(a, period))),
    store.listPeerScores(period.id, 'staff', q.staffId),
    allMeetingsOfType('contact_leader_quarterly_review', period.from, period.to),
  ]);
  const adds: WhatIf = { addContractAmount: q.addContractAmount, addCollectionAmount: q.addCollectionAmount, addVisits: q.addVisits };
  const imagined = Object.values(adds).some((v) => v !== undefined && v > 0);
  const assessments = rolesHeld(q.staffId, accounts, period).map((role) => {
    const input: AssessmentInput = { staffId: q.staffId, role, grade: staff.grade, period, policy, accounts, meetings, peerScores: scores.map((s) => s.score) };
    const now = assessRole(input);
    return {
      role,
      ...position(now),
      contractCreditAmount: now.view.contractCreditAmount,
      collectionCreditAmount: now.view.collectionCreditAmount,
      visits: now.view.visits,
      toNextTier: toNextTier(input, on),
      whatIf: imagined ? position(assessRole(withWhatIf(input, on, adds))) : null,
    };
  });
  return { period: period.id, staffId: q.staffId, on, ...adds, teamShareEstimated: false as const, assessments };
};
