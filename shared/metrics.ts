import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business metrics as CloudWatch embedded metric format (EMF): each is one structured log
 * line that CloudWatch turns into a metric, so emitting costs no API call and no time.
 * The namespace is the stage's (POWERTOOLS_METRICS_NAMESPACE, set by the stack: `kam-<stage>`);
 * every metric has the `service` dimension. Tests and local mode turn them off
 * (POWERTOOLS_DEV / POWERTOOLS_METRICS_DISABLED).
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
export const metrics = new Metrics({ serviceName: 'kam-api' });

export const metricNames = {
  refusals: 'Refusals',
  idempotentReplays: 'IdempotentReplays',
  closesRun: 'ClosesRun',
  closeDuration: 'CloseDuration',
  statementsChanged: 'StatementsChanged',
  signInSyncFailures: 'SignInSyncFailures',
} as const;

/** One count, published at once as its own EMF line (with its own dimensions, if any). */
export const countOne = (name: string, dimensions: Readonly<Record<string, string>> = {}): void => {
  const single = metrics.singleMetric();
  for (const [key, value] of Object.entries(dimensions)) single.addDimension(key, value);
  single.addMetric(name, MetricUnit.Count, 1);
};

/** A finished period close: one EMF line with its three figures. */
export const recordClose = (periodKind: string, durationMs: number, statementsChanged: number): void => {
  metrics.addDimension('periodKind', periodKind);
  metrics.addMetric(metricNames.closesRun, MetricUnit.Count, 1);
  metrics.addMetric(metricNames.closeDuration, MetricUnit.Milliseconds, Math.max(0, durationMs));
  metrics.addMetric(metricNames.statementsChanged, MetricUnit.Count, statementsChanged);
  metrics.publishStoredMetrics();
};
