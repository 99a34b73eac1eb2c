import { getStakeholder } from '#shared/db/stakeholders.ts';
import { type FieldError, fieldError, RuleViolation } from '#shared/errors.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * The account's stakeholders (issue 12) as loyalty needs them: feedback, surveys and the
 * executive forum name one of the customer's people. The one place that reads them here.
 */

/**
 * Each named stakeholder must be the account's and not have left before `on` (the day of
 * the feedback, survey or forum); 422 `unknown-stakeholder` naming every field that fails.
 */
export const assertStakeholders = async (accountId: string, named: readonly { path: string; id: string }[], on: string): Promise<void> => {
  const found = await Promise.all(named.map(({ id }) => getStakeholder(accountId, id)));
  const errors: FieldError[] = named.flatMap(({ path }, i) => {
    const s = found[i];
    if (s === undefined) return [fieldError(path, msg(M.field_notStakeholderOfAccount))];
    return s.status === 'left' && (s.leftOn === null || s.leftOn < on) ? [fieldError(path, msg(M.field_stakeholderLeft, { leftOn: s.leftOn }))] : [];
  });
  if (errors.length > 0) throw new RuleViolation('unknown-stakeholder', msg(M.stakeholder_unknown), errors);
};
