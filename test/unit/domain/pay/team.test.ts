import { describe, expect, it } from 'vitest';
import { assessPerson, assessRole } from '#shared/domain/pay/assessment.ts';
import { parsePeriod } from '#shared/domain/pay/period.ts';
import { mergeWithDefaults } from '#shared/domain/pay/policy.ts';
import { type Rational, compare, integer, mul, parseDecimal, rational, sub, sum } from '#shared/domain/pay/rational.ts';
import { type TeamAccount, type TeamMember, rankMembers, splitByLargestRemainder, teamBonus, teamMember, teamShareOf } from '#shared/domain/pay/team.ts';
import { account, held, policy, q1, workedExample } from '#test/unit/domain/pay/builders.ts';

const member = (staffId: string, ratio: string, contractCredit: bigint, management?: Rational): TeamMember => ({
  staffId,
  ratio: parseDecimal(ratio),
  contractCredit,
  management,
});

/** A small deterministic PRNG (mulberry32), so the property test needs no dependency and always runs the same cases. */
const prng = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
};

describe('largest-remainder split (pay.md "Team bonus")', () => {
  it('gives the fen left after the floors to the largest remainders', () => {
    // 100 × 1.2 / 3.2 = 37.5, 100 × 1 / 3.2 = 31.25 twice: floors add up to 99.
    expect(splitByLargestRemainder(100n, [parseDecimal('1.2'), integer(1), integer(1)])).toEqual([38n, 31n, 31n]);
    expect(splitByLargestRemainder(0n, [integer(1), integer(1)])).toEqual([0n, 0n]);
    expect(splitByLargestRemainder(5n, [])).toEqual([]);
  });

  it('breaks equal remainders by rank, the better-ranked first', () => {
    expect(splitByLargestRemainder(100n, [integer(1), integer(1), integer(1)])).toEqual([34n, 33n, 33n]);
    expect(splitByLargestRemainder(2n, [integer(1), integer(1), integer(1)])).toEqual([1n, 1n, 0n]);
  });

  it('always adds up to the pool exactly, each share within 1 fen of the exact one (3,000 seeded random cases)', () => {
    const next = prng(20_260_331);
    const topShares = ['0', '0.20', '0.2', '0.33', '0.5', '1'].map(parseDecimal);
    const topWeights = ['1.2', '1', '1.5', '2.75', '1.05'].map(parseDecimal);
    for (let run = 0; run < 3_000; run++) {
      const pool = run % 3 === 0 ? BigInt(next() % 50) : BigInt(next()) * 1_000n + BigInt(next() % 1_000);
      const n = 1 + (next() % 80);
      const topShare = topShares[next() % topShares.length] ?? rational(1n, 5n);
      const topWeight = topWeights[next() % topWeights.length] ?? rational(6n, 5n);
      const topCount = (BigInt(n) * topShare.n + topShare.d - 1n) / topShare.d;
      const weights = Array.from({ length: n }, (_, i) => (BigInt(i) < topCount ? topWeight : integer(1)));
      const shares = splitByLargestRemainder(pool, weights);
      const whole = sum(weights);
      expect(shares.reduce((a, b) => a + b, 0n), `run ${run}`).toBe(pool);
      shares.forEach((share, i) => {
        const exact = mul(integer(pool), mul(weights[i] ?? integer(1), rational(whole.d, whole.n)));
        const gap = sub(integer(share), exact);
        expect(compare(gap, integer(-1)) > 0 && compare(gap, integer(1)) < 0, `run ${run} member ${i}`).toBe(true);
        expect(share >= 0n).toBe(true);
      });
    }
  });
});

describe('ranking the team', () => {
  it('orders by R, then larger contract credit, then smaller staff id', () => {
    const ranked = rankMembers([
      member('S1', '1.0450', 180n),
      member('S3', '0.9000', 10n),
      member('S2', '1.0450', 200n),
      member('S6', '0.1000', 0n),
      member('S0', '0.9000', 10n),
      member('S5', '1.3000', 0n),
    ]);
    expect(ranked.map((m) => m.staffId)).toEqual(['S5', 'S2', 'S1', 'S0', 'S3', 'S6']);
  });
});

describe('the team bonus (pay.md "Team bonus")', () => {
  const teamPolicy = mergeWithDefaults({ grades: [...policy.grades], team: { quarterlyPool: 10_000_001, annualPool: 0 } });
  const accounts: TeamAccount[] = [
    {
      accountId: 'A',
      keyIntervals: [{ from: '2025-01-01', to: null }],
      targets: { contract: [100_000_000, 0, 0, 0], collection: [80_000_000, 0, 0, 0] },
      projects: [{ contractAmount: 130_000_000, wonOn: '2026-02-10' }],
      payments: [{ amount: 60_000_000, receivedOn: '2026-03-20' }],
    },
    {
      // Key from 2026-02-15: half the quarter, so half its Q1 targets and only the credits from then on.
      accountId: 'B',
      keyIntervals: [{ from: '2026-02-15', to: null }],
      targets: { contract: [50_000_000, 0, 0, 0], collection: [40_000_000, 0, 0, 0] },
      projects: [
        { contractAmount: 10_000_000, wonOn: '2026-02-01' },
        { contractAmount: 20_000_000, wonOn: '2026-03-01' },
      ],
      payments: [{ amount: 30_000_000, receivedOn: '2026-03-10' }],
    },
    { accountId: 'Z', keyIntervals: [{ from: '2026-04-01', to: null }], targets: { contract: [1, 1, 1, 1], collection: [1, 1, 1, 1] }, projects: [], payments: [] },
  ];
  const members = [
    member('S1', '1.0450', 180n, rational(11n, 12n)),
    member('S3', '0.9000', 10n, rational(1n, 2n)),
    member('S2', '1.0450', 200n),
    member('S6', '0.1000', 0n),
    member('S0', '0.9000', 10n),
    member('S5', '1.3000', 0n),
  ];

  it('rates the team over each key account once, for the days it was key', () => {
    const team = teamBonus({ period: q1, policy: teamPolicy, accounts, members });
    expect(team).toMatchObject({
      contractTargetAmount: 125_000_000,
      contractCreditAmount: 150_000_000,
      collectionTargetAmount: 100_000_000,
      collectionCreditAmount: 90_000_000,
      // Management: mean of the members' M that exist, (11/12 + 1/2) ÷ 2 = 17/24.
      components: { contract: '1.2000', collection: '0.9000', management: '0.7083' },
      // 0.72 + 0.225 + 0.15 × 17/24 = 1.05125 → 1.0513.
      ratio: '1.0513',
      tier: 'exceeded',
      coefficient: '1.2',
    });
  });

  it('pays pool × team coefficient, the top ceil(20 %) weighing 1.2, split to the fen by largest remainder', () => {
    const team = teamBonus({ period: q1, policy: teamPolicy, accounts, members });
    // 10,000,001 × 1.2 = 12,000,001.2 → 12,000,001 fen; 1.2 ÷ 6.4 of it is 2,250,000.1875, 1 ÷ 6.4 is 1,875,000.15625.
    expect(team.poolBaseAmount).toBe(10_000_001);
    expect(team.poolAmount).toBe(12_000_001);
    expect(team.members.map((m) => [m.staffId, m.rank, m.weight, m.teamShare])).toEqual([
      ['S5', 1, '1.2', 2_250_001],
      ['S2', 2, '1.2', 2_250_000],
      ['S1', 3, '1.0', 1_875_000],
      ['S0', 4, '1.0', 1_875_000],
      ['S3', 5, '1.0', 1_875_000],
      ['S6', 6, '1.0', 1_875_000],
    ]);
    expect(team.members.reduce((a, m) => a + m.teamShare, 0)).toBe(team.poolAmount);
    expect(teamShareOf(team, 'S5')).toBe(2_250_001);
    expect(teamShareOf(team, 'nobody')).toBe(0);
  });

  it('rounds the top share up: one of five members, two of six', () => {
    const five = teamBonus({ period: q1, policy: teamPolicy, accounts, members: members.slice(0, 5) });
    expect(five.members.filter((m) => m.weight === '1.2')).toHaveLength(1);
    const one = teamBonus({ period: q1, policy: teamPolicy, accounts, members: members.slice(0, 1) });
    expect(one.members).toEqual([{ staffId: 'S1', rank: 1, ratio: '1.0450', weight: '1.2', teamShare: one.poolAmount }]);
  });

  it('pays nothing from the default pool of 0, and the annual pool for a year', () => {
    const none = teamBonus({ period: q1, policy: mergeWithDefaults({ grades: [...policy.grades] }), accounts, members });
    expect(none.poolAmount).toBe(0);
    expect(none.members.every((m) => m.teamShare === 0)).toBe(true);
    const year = teamBonus({ period: parsePeriod('2026'), policy: mergeWithDefaults({ grades: [...policy.grades], team: { annualPool: 1_000 } }), accounts, members });
    expect(year.poolBaseAmount).toBe(1_000);
  });

  it('shares nothing when nobody was assessed', () => {
    const team = teamBonus({ period: q1, policy: teamPolicy, accounts, members: [] });
    expect(team.members).toEqual([]);
    expect(team.components.management).toBeUndefined();
  });
});

describe('a person as a team member', () => {
  it('brings R and contract credit from their best role and the mean of their M', () => {
    const input = workedExample();
    const withLeader = {
      ...input,
      meetings: [{ type: 'contact_leader_quarterly_review', heldOn: '2026-03-01', attendeeIds: ['L'] }],
      accounts: [
        ...input.accounts,
        account('C', { assignments: [held('contact_leader', 'L', '2025-01-01')], targets: { contract: [10, 0, 0, 0], collection: [0, 0, 0, 0] } }),
      ],
    };
    const [cl, sm] = assessPerson(withLeader);
    // As contact leader: contract 0/10, visits 0/1, meetings 1/1 → M = 1/2, R = 0.15 × 0.5 ÷ 0.75 = 0.1.
    expect(cl?.view).toMatchObject({ role: 'contact_leader', ratio: '0.1000' });
    expect(sm?.view.ratio).toBe('1.0450');
    const m = teamMember([cl, sm].filter((a) => a !== undefined));
    expect(m).toEqual({ staffId: 'L', ratio: parseDecimal('1.045'), contractCredit: 180_000_000n, management: rational(17n, 24n) });
    expect(teamMember([assessRole(input)]).management).toEqual(rational(11n, 12n));
  });
});
