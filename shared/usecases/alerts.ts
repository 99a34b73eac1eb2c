import { replaceAlertsOfMonth, listAlertsOfPerson } from '#shared/db/alerts.ts';
import { parsePeriod } from '#shared/domain/pay/period.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Forbidden } from '#shared/errors.ts';
import type { Alert } from '#shared/schemas/compliance.ts';
import { accountsCompliance } from '#shared/usecases/compliance.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { overdueFeedbackAlerts } from '#shared/usecases/loyalty/alerts.ts';
import { refreshHealth } from '#shared/usecases/loyalty/health.ts';
import { quarterOf } from '#shared/db/partitions.ts';

/**
 * The monthly job: last month's visit and report compliance of every key account,
 * with each gap stored as an alert for the person responsible, and feedback past its
 * deadline as alerts of the account's people and the coordination group. Re-running it for the
 * same month stores the same one set.
 */
export const runMonthlyCompliance = async (month: string, now: string): Promise<{ month: string; accounts: number; alerts: number; healthFigured: number }> => {
  const period = parsePeriod(month, ['month']);
  const alerts: Alert[] = [];
  let accounts = 0;
  let cursor: string | undefined;
  do {
    const page = await accountsCompliance(period, 100, cursor);
    accounts += page.accounts.length;
    for (const { accountId, rows } of page.accounts) {
      for (const row of rows) {
        const account = row.accounts[0];
        if (account === undefined) continue;
        if (account.visitsMissing > 0) {
          alerts.push({ staffId: row.staffId, month, accountId, kind: 'visits', required: account.visitsRequired, done: account.visitsDone, missing: account.visitsMissing, createdAt: now });
        }
        if ((account.reportsMissing ?? 0) > 0) {
          alerts.push({ staffId: row.staffId, month, accountId, kind: 'reports', required: account.reportsRequired ?? 0, done: account.reportsDone ?? 0, missing: account.reportsMissing ?? 0, createdAt: now });
        }
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  alerts.push(...(await overdueFeedbackAlerts(month, now)));
  await replaceAlertsOfMonth(month, alerts);
  // The ranked health list of the month's quarter, figured again with the month's facts.
  const health = await refreshHealth(quarterOf(month), `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate())}`);
  return { month, accounts, alerts: alerts.length, healthFigured: health.accounts };
};

export const alertsOf = async (caller: Caller, staffId: string, month?: string) => {
  if (staffId !== caller.id && !hasAnyRole(caller, ['coordinator', 'leadership'])) {
    throw new Forbidden(msg(M.alerts_ownOnly), 'role-not-allowed');
  }
  return { items: await listAlertsOfPerson(staffId, month), nextCursor: null };
};
