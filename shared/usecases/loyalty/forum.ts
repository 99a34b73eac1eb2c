import { allMeetingsOfType } from '#shared/db/upkeep.ts';
import { fieldError, RuleViolation } from '#shared/errors.ts';
import { assertStakeholders } from '#shared/usecases/stakeholders.ts';
import type { MeetingType } from '#shared/schemas/upkeep.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * The executive forum (paper §4.5; issue 13 item 5): one informal forum a year with the
 * key accounts' executives, who are recorded as the stakeholders who attended.
 */

type Executive = { accountId: string; stakeholderId: string };

/** The forum's customer executives: only on an executive_forum, each of an account discussed and a stakeholder of it (422). */
export const forumExecutives = async (type: MeetingType, accountIds: readonly string[], executives: readonly Executive[], heldOn: string): Promise<Executive[]> => {
  if (executives.length === 0) return [];
  if (type !== 'executive_forum') throw new RuleViolation('forum-executives', msg(M.loyalty_forumExecutives), [fieldError('body.customerExecutives', msg(M.field_forumOnly))]);
  const outside = executives.flatMap((e, i) => (accountIds.includes(e.accountId) ? [] : [fieldError(`body.customerExecutives.${i}.accountId`, msg(M.field_accountNotDiscussed))]));
  if (outside.length > 0) throw new RuleViolation('forum-executives', msg(M.loyalty_forumExecutives), outside);
  for (const accountId of new Set(executives.map((e) => e.accountId))) {
    await assertStakeholders(
      accountId,
      executives.flatMap((e, i) => (e.accountId === accountId ? [{ path: `body.customerExecutives.${i}.stakeholderId`, id: e.stakeholderId }] : [])),
      heldOn,
    );
  }
  return [...executives];
};

/** Whether the year's forum was held, and which accounts' executives came to one. */
export const forumCompliance = async (year: number) => {
  const forums = await allMeetingsOfType('executive_forum', `${year}-01-01`, `${year}-12-31`);
  return {
    year,
    held: forums.length > 0,
    forums: forums.map((m) => ({
      meetingId: m.id,
      heldOn: m.heldOn,
      accountIds: m.accountIds,
      customerExecutiveIds: (m.customerExecutives ?? []).map((e) => e.stakeholderId),
    })),
    accountsAttended: [...new Set(forums.flatMap((m) => (m.customerExecutives ?? []).map((e) => e.accountId)))].sort(),
  };
};
