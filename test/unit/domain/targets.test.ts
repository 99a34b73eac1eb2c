import { describe, expect, it } from 'vitest';
import { equalSplit, quarterSplit } from '#shared/domain/targets.ts';
import { RuleViolation } from '#shared/errors.ts';

describe('quarter split of an annual target', () => {
  it('splits equally with the remainder in Q4', () => {
    expect(equalSplit(400_000_000)).toEqual([100_000_000, 100_000_000, 100_000_000, 100_000_000]);
    expect(equalSplit(10)).toEqual([2, 2, 2, 4]);
    expect(equalSplit(3)).toEqual([0, 0, 0, 3]);
    expect(equalSplit(0)).toEqual([0, 0, 0, 0]);
  });

  it('takes an explicit split that adds up, and refuses one that does not', () => {
    expect(quarterSplit(100, [10, 20, 30, 40], 'contract')).toEqual([10, 20, 30, 40]);
    expect(() => quarterSplit(100, [10, 20, 30, 39], 'collection')).toThrow(RuleViolation);
  });
});
