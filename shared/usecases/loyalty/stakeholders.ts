import { fieldError, RuleViolation } from '#shared/errors.ts';
import { msg } from '#shared/messages/index.ts';

/*
 * The account's stakeholders (issue 12) as loyalty needs them: feedback, surveys and the
 * executive forum name a stakeholder of the account. The one place that reads them.
 */

/** Whether `stakeholderId` is one of the account's stakeholders. Until issue 12's stakeholders are merged, every id passes. */
export const isStakeholderOf = async (_accountId: string, _stakeholderId: string): Promise<boolean> => true;

/** 422 naming the field when a stakeholder is not the account's. */
export const assertStakeholders = async (accountId: string, ids: readonly { path: string; id: string }[]): Promise<void> => {
  const unknown = [];
  for (const { path, id } of ids) if (!(await isStakeholderOf(accountId, id))) unknown.push({ path, id });
  const first = unknown[0];
  if (first !== undefined) {
    throw new RuleViolation('unknown-stakeholder', msg('loyalty.unknownStakeholder', { id: first.id, accountId }), unknown.map((u) => fieldError(u.path, msg('loyalty.unknownStakeholder', { id: u.id, accountId }))));
  }
};
