import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  Stats,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { RouteFunction } from '#infra/route-function.ts';
import { removalPolicyOf } from '#infra/stateful-stack.ts';
import type { Stage } from '#infra/stages.ts';
import { metricNames } from '#shared/metrics.ts';

export interface MonitoringProps {
  readonly stage: Stage;
  readonly api: HttpApi;
  readonly functions: readonly RouteFunction[];
  readonly table: ITable;
  readonly deadLetterQueues: readonly Queue[];
  readonly closeWorkflow: StateMachine;
}

/**
 * The alarm thresholds, in one place (the README runbook says what each alarm means).
 * Five-minute periods throughout.
 */
export const alarmThresholds = {
  /** Share of API requests answered 5xx, in percent, for two periods running. */
  api5xxPercent: 1,
  /** p99 of API Gateway's latency, in milliseconds, for three periods running. */
  apiP99LatencyMs: 5000,
  /** Any error or throttle of a function, any message in a dead-letter queue, any failed close. */
  atLeastOne: 1,
} as const;

/** Operations the functions use: each alarm's metric math may hold 10 metrics at most. */
const tableOperations = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.TRANSACT_GET_ITEMS,
];

const period = Duration.minutes(5);

/**
 * The stage's alarms, all to one SNS topic (its e-mail subscriber is the stage's
 * `alarmEmail`), and one dashboard: the API, the functions, the table, the closes and
 * the business metrics (shared/metrics.ts). A function's, queue's or workflow's alarms sit
 * beside it (in its nested stack), so no alarm needs a reference across stacks but the topic.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { stage, api, table, closeWorkflow } = props;
    const name = (part: string) => `${stage.prefix}-${part}`;

    // Encrypted (AwsSolutions-SNS2) with a key CloudWatch may use to publish.
    const key = new Key(this, 'AlarmTopicKey', {
      description: `Encrypts the ${stage.prefix} alarm topic`,
      enableKeyRotation: true,
      removalPolicy: removalPolicyOf(stage),
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new Topic(this, 'AlarmTopic', { topicName: name('alarms'), displayName: `KAM ${stage.name} alarms`, masterKey: key, enforceSSL: true });
    if (stage.alarmEmail !== null) this.topic.addSubscription(new EmailSubscription(stage.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (where: Construct, alarmId: string, alarmName: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) => {
      const made = new Alarm(where, alarmId, {
        alarmName: name(alarmName),
        alarmDescription: `${description} (README, runbook: “${alarmName}”)`,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      made.addAlarmAction(action);
      made.addOkAction(action);
      this.alarms.push(made);
      return made;
    };

    // The API: the share of 5xx answers and the p99 latency.
    const requests = api.metricCount({ period, statistic: Stats.SUM });
    const serverErrors = api.metricServerError({ period, statistic: Stats.SUM });
    const errorRate = new MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      label: '5xx %',
      period,
    });
    const p99 = api.metricLatency({ period, statistic: Stats.p(99) });
    alarm(this, 'Api5xxRate', 'api-5xx-rate', `More than ${alarmThresholds.api5xxPercent}% of API requests answered 5xx for 10 minutes`, errorRate, alarmThresholds.api5xxPercent, 2);
    alarm(this, 'ApiP99Latency', 'api-p99-latency', `API p99 latency at or above ${alarmThresholds.apiP99LatencyMs} ms for 15 minutes`, p99, alarmThresholds.apiP99LatencyMs, 3);

    // Every function: one error or one throttle is enough to alarm.
    for (const fn of props.functions) {
      const fnId = fn.node.id;
      alarm(fn, 'ErrorsAlarm', `fn-${fnId}-errors`, `${fnId}: a function error (an unhandled exception or a time-out)`, fn.metricErrors({ period, statistic: Stats.SUM }), alarmThresholds.atLeastOne);
      alarm(fn, 'ThrottlesAlarm', `fn-${fnId}-throttles`, `${fnId}: an invocation throttled (concurrency limit)`, fn.metricThrottles({ period, statistic: Stats.SUM }), alarmThresholds.atLeastOne);
    }

    // Dead letters: a schedule that failed every retry.
    for (const queue of props.deadLetterQueues) {
      alarm(queue, 'MessagesAlarm', `dlq-${queue.node.id}`, `${queue.node.id}: a message is waiting in the dead-letter queue`, queue.metricApproximateNumberOfMessagesVisible({ period, statistic: Stats.MAXIMUM }), alarmThresholds.atLeastOne);
    }

    // The close workflow (started by the schedules and by the close route alike).
    const closesFailed = closeWorkflow.metricFailed({ period, statistic: Stats.SUM });
    const closesTimedOut = closeWorkflow.metricTimedOut({ period, statistic: Stats.SUM });
    alarm(closeWorkflow, 'FailedAlarm', 'close-failed', 'A period close workflow failed (its lock was released)', closesFailed, alarmThresholds.atLeastOne);
    alarm(closeWorkflow, 'TimedOutAlarm', 'close-timed-out', 'A period close workflow ran past its 2-hour limit', closesTimedOut, alarmThresholds.atLeastOne);

    // The table: throttled requests and DynamoDB's own errors.
    const throttled = table.metricThrottledRequestsForOperations({ operations: tableOperations, period });
    const systemErrors = table.metricSystemErrorsForOperations({ operations: tableOperations, period });
    alarm(this, 'TableThrottles', 'table-throttles', 'DynamoDB throttled requests to the table', throttled, alarmThresholds.atLeastOne);
    alarm(this, 'TableSystemErrors', 'table-system-errors', 'DynamoDB answered requests to the table with a system error (5xx)', systemErrors, alarmThresholds.atLeastOne);

    // A sign-in change the identity provider refused or missed (it stays pending and is retried).
    const signInFailures = new Metric({ namespace: stage.prefix, metricName: metricNames.signInSyncFailures, dimensionsMap: { service: 'kam-api' }, statistic: Stats.SUM, period });
    alarm(this, 'SignInSyncFailures', 'sign-in-sync-failed', 'A sign-in change (Cognito user created, e-mail changed, user disabled) failed and is pending', signInFailures, alarmThresholds.atLeastOne);

    // The dashboard. Functions are found by name (`kam-<stage>-…`), business metrics in the stage's namespace.
    const lambdaSearch = (metric: string, statistic: string) =>
      new MathExpression({
        expression: `SEARCH('{AWS/Lambda,FunctionName} MetricName="${metric}" FunctionName="${stage.prefix}-"', '${statistic}', 300)`,
        label: '',
        period,
      });
    const business = (metricName: string, statistic: string = Stats.SUM, dimensionsMap: Record<string, string> = { service: 'kam-api' }) =>
      new Metric({ namespace: stage.prefix, metricName, dimensionsMap, statistic, period });
    const byDimension = (metricName: string, dimension: string, statistic: string) =>
      new MathExpression({
        expression: `SEARCH('{${stage.prefix},${dimension},service} MetricName="${metricName}"', '${statistic}', 300)`,
        label: '',
        period,
      });
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: name('overview'), defaultInterval: Duration.days(1) });
    this.dashboard.addWidgets(
      new TextWidget({ markdown: `# Key account management — ${stage.name}\nAlarms: SNS topic \`${name('alarms')}\`. What each means: README, runbook.`, width: 24, height: 2 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'API requests and 4xx/5xx', left: [requests, api.metricClientError({ period, statistic: Stats.SUM }), serverErrors], width: 8 }),
      new GraphWidget({ title: 'API 5xx %', left: [errorRate], width: 8 }),
      new GraphWidget({ title: 'API latency p50 / p99 (ms)', left: [api.metricLatency({ period, statistic: Stats.p(50) }), p99], width: 8 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Function errors', left: [lambdaSearch('Errors', 'Sum')], width: 8 }),
      new GraphWidget({ title: 'Function throttles', left: [lambdaSearch('Throttles', 'Sum')], width: 8 }),
      new GraphWidget({ title: 'Function duration p99 (ms)', left: [lambdaSearch('Duration', 'p99')], width: 8 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Table: consumed capacity',
        left: [table.metricConsumedReadCapacityUnits({ period, statistic: Stats.SUM }), table.metricConsumedWriteCapacityUnits({ period, statistic: Stats.SUM })],
        width: 8,
      }),
      // Each is metric math over the same per-operation metrics, so each has a graph of its own.
      new GraphWidget({ title: 'Table: throttled requests', left: [throttled], width: 4 }),
      new GraphWidget({ title: 'Table: system errors', left: [systemErrors], width: 4 }),
      new GraphWidget({
        title: 'Dead-letter queues: messages',
        left: props.deadLetterQueues.map((queue) => queue.metricApproximateNumberOfMessagesVisible({ period, statistic: Stats.MAXIMUM })),
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Close workflow executions',
        left: [closeWorkflow.metricStarted({ period, statistic: Stats.SUM }), closeWorkflow.metricSucceeded({ period, statistic: Stats.SUM }), closesFailed, closesTimedOut],
        width: 8,
      }),
      new GraphWidget({ title: 'Closes run (by period kind)', left: [byDimension(metricNames.closesRun, 'periodKind', 'Sum')], width: 8 }),
      new GraphWidget({ title: 'Close duration (ms) / statements changed', left: [byDimension(metricNames.closeDuration, 'periodKind', 'Maximum')], right: [byDimension(metricNames.statementsChanged, 'periodKind', 'Sum')], width: 8 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Refusals by rule', left: [byDimension(metricNames.refusals, 'rule', 'Sum')], width: 12 }),
      new SingleValueWidget({
        title: 'Idempotent replays / sign-in syncs left pending',
        metrics: [business(metricNames.idempotentReplays), signInFailures],
        width: 12,
      }),
    );
  }
}
