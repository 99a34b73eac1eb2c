import { getAccountById } from '#shared/db/accounts.ts';
import { listStaff } from '#shared/db/staff.ts';
import { addDays } from '#shared/domain/dates.ts';
import type { Alert } from '#shared/schemas/compliance.ts';
import { allOverdueOn } from '#shared/usecases/loyalty/feedback.ts';

/** Every active coordinator (keyed Query on the role's copies). */
const coordinators = async (): Promise<string[]> => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listStaff({ role: 'coordinator', limit: 200, cursor });
    ids.push(...page.items.filter((s) => s.status === 'active').map((s) => s.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ids;
};

/**
 * The monthly job's feedback alerts (issue 13 item 1): per account with feedback past its
 * deadline on the month's last day, one alert to its contact leader, its sales manager and
 * each coordinator, counting the overdue items.
 */
export const overdueFeedbackAlerts = async (month: string, now: string): Promise<Alert[]> => {
  const firstOfNext = addDays(`${month}-01`, 32).slice(0, 7);
  const overdue = await allOverdueOn(`${firstOfNext}-01`);
  if (overdue.length === 0) return [];
  const perAccount = new Map<string, number>();
  for (const item of overdue) perAccount.set(item.accountId, (perAccount.get(item.accountId) ?? 0) + 1);
  const group = await coordinators();
  const alerts: Alert[] = [];
  for (const [accountId, count] of perAccount) {
    const account = await getAccountById(accountId);
    const people = new Set([account?.contactLeaderId, account?.salesManagerId, ...group].filter((id): id is string => typeof id === 'string'));
    for (const staffId of people) alerts.push({ staffId, month, accountId, kind: 'feedback_overdue', required: count, done: 0, missing: count, createdAt: now });
  }
  return alerts;
};
