import { fieldError, RuleViolation } from '#shared/errors.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

export type Quarters = [number, number, number, number];

/** Equal quarters, the remainder in Q4 (pay.md, step 2). */
export const equalSplit = (annual: number): Quarters => {
  const q = Math.floor(annual / 4);
  return [q, q, q, annual - 3 * q];
};

/** The quarter split of an annual target: the one given (which must add up), or the equal one. */
export const quarterSplit = (annual: number, given: readonly number[] | undefined, field: 'contract' | 'collection'): Quarters => {
  if (given === undefined) return equalSplit(annual);
  const sum = given.reduce((a, b) => a + b, 0);
  if (sum !== annual) {
    throw new RuleViolation('quarters-must-add-up', msg(M.targets_quartersSum, { field, sum, annual }), [
      fieldError(`body.quarters.${field}`, msg(M.field_addUpTo, { total: annual })),
    ]);
  }
  return [given[0] ?? 0, given[1] ?? 0, given[2] ?? 0, given[3] ?? 0];
};
