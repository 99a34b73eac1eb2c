import { logger } from '#shared/logger.ts';

/**
 * Business metrics as log lines: each is one structured line (shared/logger.ts, Lambda's own
 * JSON format) with `metric` naming it, and a CloudWatch Logs metric filter on the function's
 * log group (infra/metric-filters.ts) turns it
 * into the metric, in the stage's namespace (`kam-<stage>`), with the `service` dimension and
 * the dimensions listed. Emitting costs no API call, no time and no library in the bundle
 * (Powertools' Metrics was 12 KB of every route, issue 15).
 *
 * | metric | unit | dimensions | emitted by |
 * | --- | --- | --- | --- |
 * | `Refusals` | Count | `rule` | shared/http/middleware.ts: a 403, 409 or 422 naming a rule |
 * | `IdempotentReplays` | Count | | shared/http/idempotency.ts: a kept reply sent again |
 * | `ClosesRun` | Count | `periodKind` | shared/usecases/close.ts: a period close finished |
 * | `CloseDuration` | Milliseconds | `periodKind` | the same: from taking the lock to the end |
 * | `StatementsChanged` | Count | `periodKind` | the same: statements that got a new version |
 * | `SignInSyncFailures` | Count | | shared/usecases/sign-in.ts: a sign-in change left pending |
 */
export const metricNames = {
  refusals: 'Refusals',
  idempotentReplays: 'IdempotentReplays',
  closesRun: 'ClosesRun',
  closeDuration: 'CloseDuration',
  statementsChanged: 'StatementsChanged',
  signInSyncFailures: 'SignInSyncFailures',
} as const;
export type MetricName = (typeof metricNames)[keyof typeof metricNames];

/** The line a finished close writes (its three metrics read their values from it). */
export const closeLine = 'close-finished';

/** One count, and the dimensions it has, as one line. */
export const countOne = (name: 'Refusals' | 'IdempotentReplays' | 'SignInSyncFailures', dimensions: Readonly<Record<string, string>> = {}): void => {
  logger.info(name, { metric: name, ...dimensions });
};

/** A finished period close: one line with its three figures. */
export const recordClose = (periodKind: string, durationMs: number, statementsChanged: number): void => {
  logger.info('Close finished', { metric: closeLine, periodKind, durationMs: Math.max(0, durationMs), statementsChanged });
};
