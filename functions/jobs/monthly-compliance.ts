import { previousMonthInShanghai } from '#shared/domain/dates.ts';
import { jobHandler } from '#shared/job-handler.ts';
import { MonthlyJobInput } from '#shared/schemas/jobs.ts';
import { runMonthlyCompliance } from '#shared/usecases/alerts.ts';

export const handler = jobHandler(MonthlyJobInput, (input) => {
  const now = new Date();
  const month = input.month ?? previousMonthInShanghai(input.scheduledTime === undefined ? now : new Date(input.scheduledTime));
  return runMonthlyCompliance(month, now.toISOString());
});
