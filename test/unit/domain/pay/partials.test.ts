import { describe, expect, it } from 'vitest';
import { assessFromPartial, assessRole, mergeRolePartials, rolePartialOf } from '#shared/domain/pay/assessment.ts';
import { closeFromPartials, closeStatements, rolePartials } from '#shared/domain/pay/statement.ts';
import { type TeamAccount, addTeamAccount, mergeTeamTotals, noTeamTotals, teamBonus, teamBonusFromTotals } from '#shared/domain/pay/team.ts';
import { account, held, policy, q1, reports, visits, workedExample } from '#test/unit/domain/pay/builders.ts';

/** The worked example plus an account L held for part of Q1 only (f = 45/90 with a fraction of a target). */
const threeAccounts = () => {
  const example = workedExample();
  const partly = account('C', {
    assignments: [held('sales_manager', 'L', '2026-02-15'), held('contact_leader', 'K', '2025-07-01', '2026-02-20')],
    targets: { contract: [10_000_001, 0, 0, 0], collection: [7_777_777, 0, 0, 0] },
    projects: [{ contractAmount: 3_000_000, wonOn: '2026-03-01' }, { contractAmount: 9_000_000, wonOn: '2026-02-01' }],
    payments: [{ amount: 1_234_567, receivedOn: '2026-02-16' }],
    visits: [...visits('L', 'routine_visit', '2026-02-20'), ...visits('K', 'formal_visit', '2026-01-05', '2026-02-19')],
    reports: reports('L', '2026-02', '2026-03'),
  });
  return { ...example, accounts: [...example.accounts, partly] };
};

const asJson = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

describe('partial sums of a close', () => {
  it('give, batch by batch, the assessment assessing every account at once gives, byte for byte', () => {
    const input = threeAccounts();
    for (const role of ['sales_manager', 'contact_leader'] as const) {
      const staffId = role === 'sales_manager' ? 'L' : 'K';
      const whole = assessRole({ ...input, staffId, role });
      const first = rolePartialOf(input.accounts.slice(0, 1), staffId, role, q1, policy);
      mergeRolePartials(first, rolePartialOf(input.accounts.slice(1), staffId, role, q1, policy));
      expect(asJson(assessFromPartial(first, { ...input }))).toBe(asJson(whole));
    }
  });

  it('refuse to merge the partials of two people', () => {
    const input = threeAccounts();
    expect(() => mergeRolePartials(rolePartialOf(input.accounts, 'L', 'sales_manager', q1, policy), rolePartialOf(input.accounts, 'K', 'contact_leader', q1, policy))).toThrow(RangeError);
  });

  it('sum the team exactly in any split of the accounts', () => {
    const accounts: TeamAccount[] = threeAccounts().accounts.map((a, i) => ({ ...a, keyIntervals: [{ from: i === 2 ? '2026-02-01' : '2025-01-01', to: null }] }));
    const members = [{ staffId: 'L', ratio: { n: 1n, d: 1n }, contractCredit: 0n }];
    const [a, b] = [noTeamTotals(), noTeamTotals()];
    addTeamAccount(a, accounts[2] as TeamAccount, q1);
    for (const x of accounts.slice(0, 2)) addTeamAccount(b, x, q1);
    mergeTeamTotals(a, b);
    expect(a.accounts).toBe(3);
    expect(asJson(teamBonusFromTotals({ period: q1, policy, totals: a, members }))).toBe(asJson(teamBonus({ period: q1, policy, accounts, members })));
  });

  it('close to the same statements and team as the close over whole accounts', () => {
    const input = threeAccounts();
    const teamAccounts = input.accounts.map((a) => ({ ...a, keyIntervals: [{ from: '2025-01-01', to: null }] }));
    const people = [
      { staffId: 'K', grade: 'P8', peerScores: [55], accounts: input.accounts },
      { staffId: 'L', grade: 'P6', peerScores: [80, 72.5], accounts: input.accounts },
    ];
    const whole = closeStatements({ period: q1, policy, meetings: [], people, teamAccounts });
    const team = noTeamTotals();
    for (const t of teamAccounts) addTeamAccount(team, t, q1);
    const parted = closeFromPartials({ period: q1, policy, meetings: [], team, people: people.map((p) => ({ ...p, roles: rolePartials(p.staffId, p.accounts, q1, policy) })) });
    expect(whole.statements).toHaveLength(2);
    expect(asJson(parted)).toBe(asJson(whole));
  });
});
