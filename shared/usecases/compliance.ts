import { listAccounts, listAssignments, listHoldings } from '#shared/db/accounts.ts';
import { getPayPolicy } from '#shared/db/pay.ts';
import { planHeads } from '#shared/db/plans.ts';
import { listStaff } from '#shared/db/staff.ts';
import * as upkeep from '#shared/db/upkeep.ts';
import { all, get } from '#shared/db/entity.ts';
import type { AccountRole } from '#shared/domain/assignments.ts';
import { type ComplianceAccount, computeCompliance } from '#shared/domain/pay/compliance.ts';
import { type Period, parsePeriod } from '#shared/domain/pay/period.ts';
import { type PayPolicy, defaultPolicy } from '#shared/domain/pay/policy.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Forbidden } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { MeetingType } from '#shared/schemas/upkeep.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/** The policy whose visit and report rules apply in `year` (the defaults of pay.md until one is set). */
export const policyFor = async (year: number): Promise<PayPolicy> => (await getPayPolicy(year)) ?? defaultPolicy;

/** Everything compliance needs about one account over P: its assignments, visits and reports. */
export const accountFacts = async (accountId: string, period: Period): Promise<ComplianceAccount> => {
  const [assignments, visits, reports] = await Promise.all([
    listAssignments(accountId),
    all(upkeep.visits, 'byAccount', { accountId }, { range: { from: period.from, to: period.to } }),
    all(upkeep.reports, 'byAccount', { accountId }, { range: { from: period.monthIds[0] ?? period.id, to: period.monthIds.at(-1) ?? period.id } }),
  ]);
  return { accountId, assignments, visits, reports };
};

/** Who held which role on an account on some day of P. */
const holdersIn = (account: ComplianceAccount, period: Period): { staffId: string; role: AccountRole }[] => {
  const seen = new Map<string, { staffId: string; role: AccountRole }>();
  for (const a of account.assignments) {
    if (a.from <= period.to && (a.to === null || a.to >= period.from)) seen.set(`${a.role}#${a.staffId}`, { staffId: a.staffId, role: a.role });
  }
  return [...seen.values()];
};

/** One person's compliance in each role they held in P, over all the accounts they held. */
export const personCompliance = async (staffId: string, period: Period) => {
  const holdings = await listHoldings(staffId, { from: period.from, to: period.to });
  const accountIds = [...new Set(holdings.map((h) => h.accountId))];
  const [accounts, meetings, policy] = await Promise.all([
    Promise.all(accountIds.map((id) => accountFacts(id, period))),
    upkeep.allMeetingsOfType('contact_leader_quarterly_review', period.from, period.to),
    policyFor(period.year),
  ]);
  const roles = [...new Set(holdings.map((h) => h.role))].sort();
  return roles.map((role) => computeCompliance({ staffId, role, period, policy, accounts, meetings }).view);
};

/** Meetings each body owes in P: a leadership review per half year, a contact-leader review per quarter, a coordination meeting per month. */
const bodyCadence = async (period: Period) => {
  const lastMonths = (every: number) => period.monthIds.filter((m) => Number(m.slice(5)) % every === 0).length;
  const bodies: { body: 'leadership' | 'contact_leaders' | 'coordination_group'; meetingType: MeetingType; required: number; role: Role }[] = [
    { body: 'leadership', meetingType: 'leadership_semiannual_review', required: lastMonths(6), role: 'leadership' },
    { body: 'contact_leaders', meetingType: 'contact_leader_quarterly_review', required: lastMonths(3), role: 'contact_leader' },
    { body: 'coordination_group', meetingType: 'coordination_monthly', required: period.months, role: 'coordinator' },
    // The executive forum, once a year (paper §4.5): due in the period that ends the year.
    { body: 'coordination_group', meetingType: 'executive_forum', required: lastMonths(12), role: 'coordinator' },
  ];
  return Promise.all(
    bodies.map(async ({ role, ...b }) => {
      const meetings = await upkeep.allMeetingsOfType(b.meetingType, period.from, period.to);
      const members = await allStaffWithRole(role);
      // Who missed a due meeting (domain.md §3.1): active members who attended fewer than were due.
      const absent = b.required === 0 ? [] : members.filter((m) => meetings.filter((x) => x.attendeeIds.includes(m.id)).length < b.required).map((m) => m.id);
      return { ...b, held: meetings.length, missing: Math.max(0, b.required - meetings.length), absent };
    }),
  );
};

/** Every active staff member with a role (keyed Query on the role's copies, all pages). */
const allStaffWithRole = async (role: Role) => {
  const members = [];
  let cursor: string | undefined;
  do {
    const page = await listStaff({ role, limit: 200, cursor });
    members.push(...page.items.filter((s) => s.status === 'active'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return members;
};

/** Per key account and responsible person, a page of key accounts at a time. */
export const accountsCompliance = async (period: Period, limit: number, cursor?: string) => {
  const page = await listAccounts({ tier: 'key', limit, cursor });
  const policy = await policyFor(period.year);
  const accounts = await Promise.all(
    page.items.map(async (account) => {
      const facts = await accountFacts(account.id, period);
      const rows = holdersIn(facts, period).map(({ staffId, role }) =>
        computeCompliance({ staffId, role, period, policy, accounts: [facts], meetings: [] }).view,
      );
      const head = await get(planHeads, { accountId: account.id, year: period.year });
      const inForce = head?.inForce ?? null;
      return { accountId: account.id, name: account.name, rows, plan: { year: period.year, approved: inForce !== null, inForce } };
    }),
  );
  return { accounts: accounts.filter((a) => a.rows.length > 0), nextCursor: page.nextCursor };
};

/**
 * GET /v1/compliance: the coordination group sees every key account (or anyone, with
 * staffId); everyone else sees their own compliance.
 */
export const compliance = async (caller: Caller, query: { period: string; staffId?: string; limit: number; cursor?: string }) => {
  const period = parsePeriod(query.period);
  const seesAll = hasAnyRole(caller, ['coordinator', 'leadership']);
  const staffId = query.staffId ?? (seesAll ? undefined : caller.id);
  if (staffId !== undefined) {
    if (staffId !== caller.id && !seesAll) throw new Forbidden(msg(M.compliance_ownOnly), 'role-not-allowed');
    return { period: period.id, people: await personCompliance(staffId, period), accounts: [], bodies: [], nextCursor: null };
  }
  const [byAccount, bodies] = await Promise.all([accountsCompliance(period, query.limit, query.cursor), bodyCadence(period)]);
  return { period: period.id, people: [], accounts: byAccount.accounts, bodies, nextCursor: byAccount.nextCursor };
};
