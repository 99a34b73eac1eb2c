import { type MetricName, closeLine, metricNames } from '#shared/metrics.ts';

/**
 * How each business metric is found in the logs (shared/metrics.ts writes the lines): the
 * line's `metric` field, where its value comes from (1 for a count, else a numeric field
 * of the line) and the line's fields that are its dimensions besides `service`. A metric
 * filter on each function's log group applies it (infra/route-function.ts).
 */
export const metricFilters: Readonly<Record<MetricName, { line: string; unit: 'Count' | 'Milliseconds'; value: string; dimensions: readonly string[] }>> = {
  Refusals: { line: metricNames.refusals, unit: 'Count', value: '1', dimensions: ['rule'] },
  IdempotentReplays: { line: metricNames.idempotentReplays, unit: 'Count', value: '1', dimensions: [] },
  ClosesRun: { line: closeLine, unit: 'Count', value: '1', dimensions: ['periodKind'] },
  CloseDuration: { line: closeLine, unit: 'Milliseconds', value: 'durationMs', dimensions: ['periodKind'] },
  StatementsChanged: { line: closeLine, unit: 'Count', value: 'statementsChanged', dimensions: ['periodKind'] },
  SignInSyncFailures: { line: metricNames.signInSyncFailures, unit: 'Count', value: '1', dimensions: [] },
};

