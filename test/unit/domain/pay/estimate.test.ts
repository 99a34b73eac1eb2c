import { describe, expect, it } from 'vitest';
import { assessRole } from '#shared/domain/pay/assessment.ts';
import { toNextTier, withWhatIf } from '#shared/domain/pay/estimate.ts';
import { account, held, workedExample } from '#test/unit/domain/pay/builders.ts';

describe('what-if on pay.md\'s worked example (R = 1.0450, exceeded)', () => {
  it('names the least contract and collection that reach outstanding (1.20), and no number of visits', () => {
    // R = 0.6·ac + 0.25·ak + 0.15·M must round half-up to ≥ 1.2000, i.e. be ≥ 1.19995 exactly.
    // Contract: ac ≥ (1.19995 − 0.325) ÷ 0.6 = 1.45825 → C ≥ 218,737,500 fen, 38,737,500 more.
    // Collection: ak ≥ (1.19995 − 0.8575) ÷ 0.25 = 1.3698 → K ≥ 164,376,000 fen, 74,376,000 more.
    // Visits: M is at most 1, so R is at most 1.0575.
    expect(toNextTier(workedExample(), '2026-03-31')).toEqual({
      tier: 'outstanding',
      minimum: '1.20',
      contractAmount: 38_737_500,
      collectionAmount: 74_376_000,
      visits: null,
    });
  });

  it('is the least: one fen less stays exceeded, the amount itself is outstanding', () => {
    const at = (addContractAmount: number) => assessRole(withWhatIf(workedExample(), '2026-03-31', { addContractAmount })).view;
    expect(at(38_737_499)).toMatchObject({ ratio: '1.1999', tier: 'exceeded' });
    expect(at(38_737_500)).toMatchObject({ ratio: '1.2000', tier: 'outstanding' });
  });

  it('places added visits where they still count: one visit on B makes visits 6 of 6', () => {
    const view = assessRole(withWhatIf(workedExample(), '2026-03-31', { addVisits: 1 })).view;
    expect(view.visits).toMatchObject({ required: 6, counted: 6, missing: 0 });
    expect(view.ratio).toBe('1.0575');
  });

  it('dates the added records on a day the person holds the account, never after `on`', () => {
    const input = withWhatIf(workedExample(), '2026-02-15', { addContractAmount: 100, addCollectionAmount: 50 });
    const a = input.accounts.find((x) => x.accountId === 'A');
    expect(a?.projects.at(-1)).toEqual({ contractAmount: 100, wonOn: '2026-02-15' });
    expect(a?.payments.at(-1)).toEqual({ amount: 50, receivedOn: '2026-02-15' });
  });
});

describe('toNextTier where a lever cannot get there', () => {
  it('is null for a component with no target, and null altogether in the top tier', () => {
    const noContract = {
      ...workedExample(),
      accounts: workedExample().accounts.map((a) => ({ ...a, targets: { contract: [0, 0, 0, 0], collection: a.targets?.collection ?? [0, 0, 0, 0] } })),
    };
    expect(toNextTier(noContract, '2026-03-31')?.contractAmount).toBeNull();
    const top = withWhatIf(workedExample(), '2026-03-31', { addContractAmount: 100_000_000 });
    expect(assessRole(top).view.tier).toBe('outstanding');
    expect(toNextTier(top, '2026-03-31')).toBeNull();
  });

  it('counts visits for a contact leader as formal visits on held days', () => {
    const input = {
      ...workedExample(),
      staffId: 'K',
      role: 'contact_leader' as const,
      meetings: [{ type: 'contact_leader_quarterly_review', heldOn: '2026-02-01', attendeeIds: ['K'] }],
      accounts: [account('A', { assignments: [held('contact_leader', 'K', '2025-07-01')], targets: { contract: [0, 0, 0, 0], collection: [0, 0, 0, 0] } })],
    };
    // Only management is present: the review attended (1 of 1), one formal visit required in a
    // quarter (4 a year) and none made, so M = R = 0.5; one visit makes R = 1.
    const before = assessRole(input).view;
    expect(before).toMatchObject({ ratio: '0.5000', tier: 'not_completed', visits: { required: 1, counted: 0 } });
    const needs = toNextTier(input, '2026-03-31');
    expect(needs).toMatchObject({ tier: 'basically_completed', visits: 1, contractAmount: null, collectionAmount: null });
    expect(assessRole(withWhatIf(input, '2026-03-31', { addVisits: 1 })).view.visits.counted).toBe(1);
  });
});
