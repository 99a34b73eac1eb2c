import { readFileSync } from 'node:fs';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app.ts';
import { alarmThresholds } from '#infra/monitoring.ts';
import { stageSettings, stages } from '#infra/stages.ts';
import { cognitoActions } from '#shared/identity/cognito-actions.ts';
import { lineOf } from '#shared/logger.ts';
import { jobs } from '#shared/jobs.ts';
import { catalogue } from '#shared/routes/index.ts';

/** As stacks.test.ts: real constructs, esbuild skipped (the templates do not depend on the bundles). */
const withoutBundling = { 'aws:cdk:bundling-stacks': [] };

interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly DeletionPolicy?: string;
}

/** A built stage: every template of its stateless side (parent and nested stacks), by stack path. */
const build = (stage?: string) => {
  const built = buildApp({ ...withoutBundling, ...(stage === undefined ? {} : { stage }) });
  const nested = new Set([...built.stateless.routeStacks.values(), ...built.stateless.jobStacks.values()]);
  const templates = [built.stateless, ...nested].map((stack) => Template.fromStack(stack));
  const resources = (type: string): Resource[] =>
    templates.flatMap((template) => Object.values(template.findResources(type) as Record<string, Resource>));
  return { built, parent: Template.fromStack(built.stateless), stateful: Template.fromStack(built.stateful), templates, resources };
};

let dev: ReturnType<typeof build>;
let prod: ReturnType<typeof build>;
beforeAll(() => {
  dev = build();
  prod = build('prod');
});

/** Functions: one per route, per plain job and per close step. */
const functionCount = catalogue.length + jobs.filter((job) => job.workflow === undefined).length + 4;

describe('stages (infra/stages.ts, -c stage=<name>)', () => {
  it('stops synth with the reason when the stage is unknown, badly named, or a setting is wrong', () => {
    expect(() => buildApp({ ...withoutBundling, stage: 'staging' })).toThrow('-c stage=staging: no such stage in infra/stages.ts (known: dev, prod)');
    expect(() => stageSettings('Prod')).toThrow(/a stage name is 1-20 lower case letters/);
    const bad = { ...stages.dev, alarmEmail: 'ops-at-example', logRetentionDays: 10, throttle: { rateLimit: 0, burstLimit: 40 }, extra: true };
    const act = () => stageSettings('dev', { dev: bad });
    expect(act).toThrow(/^Stage dev in infra\/stages.ts is invalid:/);
    expect(act).toThrow(/alarmEmail: /);
    expect(act).toThrow(/logRetentionDays: /);
    expect(act).toThrow(/throttle\.rateLimit: /);
    expect(act).toThrow(/Unrecognized key: "extra"/);
    expect(() => stageSettings('dev', { dev: { ...stages.dev, corsOrigins: ['*'] } })).toThrow(/corsOrigins: "\*" is not an exact origin/);
  });

  it('names every stack and physical resource after the stage', () => {
    expect(dev.built.stateful.stackName).toBe('Kam-dev-Stateful');
    expect(prod.built.stateless.stackName).toBe('Kam-prod-Stateless');
    prod.stateful.hasResourceProperties('AWS::DynamoDB::Table', { TableName: 'kam-prod-data' });
    prod.parent.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolName: 'kam-prod' });
    prod.parent.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'kam-prod-api' });
    prod.parent.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'kam-prod-alarms' });
    prod.parent.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'kam-prod-overview' });
    const functionNames = prod.resources('AWS::Lambda::Function').map((fn) => fn.Properties?.FunctionName as string);
    expect(functionNames).toHaveLength(functionCount);
    for (const name of functionNames) expect(name).toMatch(/^kam-prod-[A-Za-z]+$/);
    expect(functionNames).toContain('kam-prod-getStaff');
    const scheduleNames = prod.resources('AWS::Scheduler::Schedule').map((s) => s.Properties?.Name);
    expect(scheduleNames.sort()).toEqual(jobs.map((job) => `kam-prod-${job.id}`).sort());
    expect(prod.resources('AWS::StepFunctions::StateMachine').map((m) => m.Properties?.StateMachineName)).toEqual(['kam-prod-period-close']);
    expect(prod.resources('AWS::SQS::Queue').map((q) => q.Properties?.QueueName)).toEqual(['kam-prod-job-dead-letters']);
  });

  it('applies each stage’s settings: origins, throttling, log retention, schedules, metrics namespace', () => {
    // prod
    prod.parent.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://kam.g-company.cn'] }) });
    prod.parent.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 } });
    const prodRetention = prod.resources('AWS::Logs::LogGroup').map((group) => group.Properties?.RetentionInDays);
    expect(prodRetention.length).toBe(functionCount + 2); // every function, the access log and the workflow's
    expect(new Set(prodRetention)).toEqual(new Set([365]));
    expect(prod.resources('AWS::Scheduler::Schedule').map((s) => s.Properties?.State)).toEqual(jobs.map(() => 'ENABLED'));
    const namespaces = (stage: typeof prod) => stage.resources('AWS::Logs::MetricFilter').flatMap((f) => (f.Properties?.MetricTransformations as { MetricNamespace: string }[]).map((t) => t.MetricNamespace));
    expect(namespaces(prod).length).toBeGreaterThanOrEqual(catalogue.length);
    expect(new Set(namespaces(prod))).toEqual(new Set(['kam-prod']));

    // dev
    dev.parent.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
    expect(new Set(dev.resources('AWS::Logs::LogGroup').map((group) => group.Properties?.RetentionInDays))).toEqual(new Set([14]));
    expect(dev.resources('AWS::Scheduler::Schedule').map((s) => s.Properties?.State)).toEqual(jobs.map(() => 'DISABLED'));
    expect(new Set(namespaces(dev))).toEqual(new Set(['kam-dev']));
  });

  it('retains prod’s user pool and logs, protected from deletion; dev’s go with the stack', () => {
    prod.parent.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
    dev.parent.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }) });
    expect(new Set(prod.templates.flatMap((t) => Object.values(t.findResources('AWS::Logs::LogGroup')).map((g) => (g as Resource).DeletionPolicy)))).toEqual(new Set(['Retain']));
    expect(new Set(dev.templates.flatMap((t) => Object.values(t.findResources('AWS::Logs::LogGroup')).map((g) => (g as Resource).DeletionPolicy)))).toEqual(new Set(['Delete']));
  });

  it('points a stage at an existing (restored) table when its settings name one, and creates none', () => {
    // Arrange
    const restored = { ...stages.dev, tableName: 'kam-prod-data-restored' };

    // Act
    const { stateful, stateless } = buildApp({ ...withoutBundling, stage: 'drill' }, { drill: restored });

    // Assess
    Template.fromStack(stateful).resourceCountIs('AWS::DynamoDB::Table', 0);
    Template.fromStack(stateful).resourceCountIs('AWS::SecretsManager::Secret', 1);
    const getStaff = stateless.routeStacks.get('getStaff');
    if (getStaff === undefined) throw new Error('no staff routes');
    const policies = JSON.stringify(Template.fromStack(getStaff).findResources('AWS::IAM::Policy'));
    expect(policies).toContain(':table/kam-prod-data-restored');
    expect(policies).toContain(':table/kam-prod-data-restored/index/gsi1');
  });
});

describe('alarms (infra/monitoring.ts): all to the one topic', () => {
  const alarms = () => prod.resources('AWS::CloudWatch::Alarm');
  const alarmNamed = (name: string): Resource => {
    const found = alarms().filter((alarm) => alarm.Properties?.AlarmName === name);
    expect(found, name).toHaveLength(1);
    return found[0] as Resource;
  };
  const topicRef = () => {
    const topics = Object.keys(prod.parent.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    return topics[0] as string;
  };

  it('sends every alarm, and its recovery, to the one SNS topic, which e-mails the stage’s address', () => {
    expect(alarms().length).toBe(2 + 2 * functionCount + 1 + 2 + 2 + 1);
    const topic = topicRef();
    const inParent = Object.values(prod.parent.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>);
    expect(inParent.length).toBe(5); // API ×2, table ×2, sign-in sync failures
    for (const alarm of inParent) expect(alarm.Properties?.AlarmActions).toEqual([{ Ref: topic }]);
    // In a nested stack, the parameter that the parent fills with the topic's Ref.
    const nestedParameters = Object.values(prod.parent.findResources('AWS::CloudFormation::Stack') as Record<string, Resource>).map(
      (stack) => stack.Properties?.Parameters as Record<string, unknown>,
    );
    for (const alarm of alarms()) {
      expect(alarm.Properties?.AlarmActions, alarm.Properties?.AlarmName).toHaveLength(1);
      expect(alarm.Properties?.OKActions).toEqual(alarm.Properties?.AlarmActions);
      const ref = (alarm.Properties?.AlarmActions as { Ref: string }[])[0]?.Ref as string;
      if (ref !== topic) expect(nestedParameters.some((parameters) => JSON.stringify(parameters?.[ref]) === JSON.stringify({ Ref: topic })), ref).toBe(true);
    }
    prod.parent.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'kam-ops@g-company.cn', TopicArn: { Ref: topic } });
    dev.parent.resourceCountIs('AWS::SNS::Subscription', 0);
    prod.parent.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('alarms on the API’s 5xx rate (metric math over 5xx and requests) and its p99 latency', () => {
    const rate = alarmNamed('kam-prod-api-5xx-rate').Properties ?? {};
    expect(rate).toMatchObject({ Threshold: alarmThresholds.api5xxPercent, EvaluationPeriods: 2, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    const expression = (rate.Metrics as { Expression?: string; MetricStat?: { Metric: { MetricName: string; Namespace: string } } }[]);
    expect(expression.find((m) => m.Expression !== undefined)?.Expression).toBe('IF(requests > 0, 100 * errors / requests, 0)');
    expect(expression.flatMap((m) => (m.MetricStat === undefined ? [] : [m.MetricStat.Metric.MetricName])).sort()).toEqual(['5xx', 'Count']);
    expect(alarmNamed('kam-prod-api-p99-latency').Properties).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Threshold: alarmThresholds.apiP99LatencyMs,
      EvaluationPeriods: 3,
    });
  });

  it('alarms on any error and any throttle of every function', () => {
    for (const fn of prod.resources('AWS::Lambda::Function')) {
      const id = (fn.Properties?.FunctionName as string).replace('kam-prod-', '');
      for (const [metric, part] of [['Errors', 'errors'], ['Throttles', 'throttles']] as const) {
        expect(alarmNamed(`kam-prod-fn-${id}-${part}`).Properties).toMatchObject({
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Statistic: 'Sum',
          Period: 300,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Dimensions: [{ Name: 'FunctionName', Value: expect.anything() }],
        });
      }
    }
  });

  it('alarms on any message in the dead-letter queue and on a failed or timed-out close workflow', () => {
    expect(alarmNamed('kam-prod-dlq-JobDeadLetters').Properties).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Statistic: 'Maximum', Threshold: 1 });
    expect(alarmNamed('kam-prod-close-failed').Properties).toMatchObject({ Namespace: 'AWS/States', MetricName: 'ExecutionsFailed', Statistic: 'Sum', Threshold: 1 });
    expect(alarmNamed('kam-prod-close-timed-out').Properties).toMatchObject({ Namespace: 'AWS/States', MetricName: 'ExecutionsTimedOut', Statistic: 'Sum', Threshold: 1 });
    for (const name of ['kam-prod-close-failed', 'kam-prod-close-timed-out']) {
      expect(JSON.stringify(alarmNamed(name).Properties?.Dimensions)).toContain('StateMachineArn');
    }
  });

  it('alarms on a sign-in change left pending (the business metric of shared/usecases/sign-in.ts)', () => {
    expect(alarmNamed('kam-prod-sign-in-sync-failed').Properties).toMatchObject({
      Namespace: 'kam-prod',
      MetricName: 'SignInSyncFailures',
      Dimensions: [{ Name: 'service', Value: 'kam-api' }],
      Statistic: 'Sum',
      Threshold: 1,
    });
  });

  it('alarms on the table’s throttled requests and system errors, over every operation the functions use', () => {
    for (const [name, metric] of [['kam-prod-table-throttles', 'ThrottledRequests'], ['kam-prod-table-system-errors', 'SystemErrors']] as const) {
      const metrics = alarmNamed(name).Properties?.Metrics as { Expression?: string; MetricStat?: { Metric: { MetricName: string; Namespace: string; Dimensions: { Name: string }[] } } }[];
      const stats = metrics.flatMap((m) => (m.MetricStat === undefined ? [] : [m.MetricStat.Metric]));
      expect(stats.length).toBe(9);
      for (const stat of stats) {
        expect(stat).toMatchObject({ Namespace: 'AWS/DynamoDB', MetricName: metric });
        expect(stat.Dimensions.map((d) => d.Name).sort()).toEqual(['Operation', 'TableName']);
      }
      expect(metrics.some((m) => m.Expression !== undefined)).toBe(true);
    }
  });

  it('shows the API, the functions, the table, the closes and the business metrics on one dashboard', () => {
    const body = JSON.stringify(prod.parent.findResources('AWS::CloudWatch::Dashboard'));
    for (const shown of [
      'AWS/ApiGateway',
      'FunctionName=\\\\\\"kam-prod-\\\\\\"',
      'AWS/DynamoDB',
      'AWS/States',
      'AWS/SQS',
      'MetricName=\\\\\\"Refusals\\\\\\"',
      'MetricName=\\\\\\"ClosesRun\\\\\\"',
      'MetricName=\\\\\\"CloseDuration\\\\\\"',
      'MetricName=\\\\\\"StatementsChanged\\\\\\"',
      'IdempotentReplays',
      'SignInSyncFailures',
    ]) {
      expect(body, shown).toContain(shown);
    }
  });
});

describe('business metrics from log lines (shared/metrics.ts, CloudWatch Logs metric filters)', () => {
  /** Reads a `$.a.b` selector out of a line as Lambda writes it: `{ timestamp, level, requestId, message: <what the code logged> }`. */
  const select = (line: unknown, selector: string): unknown =>
    selector.replace(/^\$\./, '').split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], line);
  const lambdaLine = (logged: Record<string, unknown>) => ({ timestamp: '2026-12-02T00:00:00.000Z', level: 'INFO', requestId: 'r-1', message: logged });
  /** The metric filters of one function's log group, by metric name. */
  const filtersOf = (functionName: string) => {
    for (const template of prod.templates) {
      const fns = template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName } }) as Record<string, Resource>;
      const fn = Object.values(fns)[0];
      if (fn === undefined) continue;
      const group = (fn.Properties?.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      const filters = Object.values(template.findResources('AWS::Logs::MetricFilter') as Record<string, Resource>).filter((f) => f.Properties?.LogGroupName?.Ref === group);
      return new Map(filters.map((f) => [(f.Properties?.MetricTransformations as { MetricName: string }[])[0]?.MetricName, f]));
    }
    throw new Error(`no function ${functionName}`);
  };
  /** Whether a filter pattern `{ $.x = "v" }` matches a line, and the metric it would publish. */
  const apply = (filter: Resource, line: unknown) => {
    const [, selector, value] = /^\{ (\S+) = "(.*)" \}$/.exec(String(filter.Properties?.FilterPattern)) ?? [];
    const transformation = (filter.Properties?.MetricTransformations as { MetricValue: string; MetricNamespace: string; Unit: string; Dimensions: { Key: string; Value: string }[] }[])[0];
    if (selector === undefined || transformation === undefined || select(line, selector) !== value) return undefined;
    return {
      namespace: transformation.MetricNamespace,
      unit: transformation.Unit,
      value: transformation.MetricValue.startsWith('$.') ? select(line, transformation.MetricValue) : Number(transformation.MetricValue),
      dimensions: Object.fromEntries(transformation.Dimensions.map((d) => [d.Key, select(line, d.Value)])),
    };
  };

  it('counts refusals in every route, replays in every POST route and pending sign-ins in the sign-in functions; nothing else', () => {
    for (const route of catalogue) {
      const expected = ['Refusals', ...(route.method === 'POST' ? ['IdempotentReplays'] : []), ...(route.signIn === true ? ['SignInSyncFailures'] : [])];
      expect([...filtersOf(`kam-prod-${route.id}`).keys()].sort(), route.id).toEqual(expected.sort());
    }
    expect([...filtersOf('kam-prod-signInSync').keys()]).toEqual(['SignInSyncFailures']);
    expect([...filtersOf('kam-prod-closeFinish').keys()].sort()).toEqual(['CloseDuration', 'ClosesRun', 'StatementsChanged']);
    expect([...filtersOf('kam-prod-closeGather').keys()]).toEqual([]);
  });

  it('publishes from the very lines the code logs: a refusal by rule, a close’s three figures, by period kind, in the stage’s namespace', () => {
    const refusal = lambdaLine(lineOf('Refusals', { metric: 'Refusals', rule: 'account-owned' }));
    const refusals = filtersOf('kam-prod-getStaff').get('Refusals') as Resource;
    expect(apply(refusals, refusal)).toEqual({ namespace: 'kam-prod', unit: 'Count', value: 1, dimensions: { service: 'kam-api', rule: 'account-owned' } });
    expect(apply(refusals, lambdaLine(lineOf('Request failed', { status: 503 })))).toBeUndefined();

    const close = lambdaLine(lineOf('Close finished', { metric: 'close-finished', periodKind: 'quarter', durationMs: 4200, statementsChanged: 12 }));
    const finish = filtersOf('kam-prod-closeFinish');
    expect(apply(finish.get('ClosesRun') as Resource, close)).toEqual({ namespace: 'kam-prod', unit: 'Count', value: 1, dimensions: { service: 'kam-api', periodKind: 'quarter' } });
    expect(apply(finish.get('CloseDuration') as Resource, close)).toEqual({ namespace: 'kam-prod', unit: 'Milliseconds', value: 4200, dimensions: { service: 'kam-api', periodKind: 'quarter' } });
    expect(apply(finish.get('StatementsChanged') as Resource, close)).toEqual({ namespace: 'kam-prod', unit: 'Count', value: 12, dimensions: { service: 'kam-api', periodKind: 'quarter' } });
    expect(apply(filtersOf('kam-prod-signInSync').get('SignInSyncFailures') as Resource, lambdaLine(lineOf('SignInSyncFailures', { metric: 'SignInSyncFailures' })))).toMatchObject({ value: 1, dimensions: { service: 'kam-api' } });
  });
});

describe('identity provider permissions (least privilege)', () => {
  const signInFunctions = [...catalogue.filter((route) => route.signIn === true).map((route) => route.id), ...jobs.filter((job) => job.signIn === true).map((job) => job.id)];

  /** Every Allow statement of the policies attached to a function's role, in the template that holds it. */
  const statementsOf = (stage: ReturnType<typeof build>, functionName: string) => {
    for (const template of stage.templates) {
      const functions = template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName } });
      const fn = Object.values(functions)[0] as Resource | undefined;
      if (fn === undefined) continue;
      const roleId = (fn.Properties?.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      return Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
        .filter((policy) => JSON.stringify(policy.Properties?.Roles).includes(`"Ref":"${roleId}"`))
        .flatMap((policy) => policy.Properties?.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Resource: unknown }[]);
    }
    throw new Error(`no function ${functionName}`);
  };

  it('lets exactly the sign-in functions call Cognito: only the actions used, only on the stage’s user pool', () => {
    expect(signInFunctions.sort()).toEqual(['createStaff', 'patchStaff', 'recordDeparture', 'rerunSignInSync', 'signInSync']);
    const poolId = Object.keys(prod.parent.findResources('AWS::Cognito::UserPool'))[0] as string;
    for (const fn of prod.resources('AWS::Lambda::Function')) {
      const name = fn.Properties?.FunctionName as string;
      const cognito = statementsOf(prod, name).filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
      if (!signInFunctions.includes(name.replace('kam-prod-', ''))) {
        expect(cognito, name).toEqual([]);
        expect(fn.Properties?.Environment?.Variables?.USER_POOL_ID, name).toBeUndefined();
        continue;
      }
      expect(cognito, name).toHaveLength(1);
      expect([cognito[0]?.Action].flat().sort()).toEqual([...cognitoActions].sort());
      // The pool's ARN, passed into the nested stack as a parameter that the parent fills with GetAtt UserPool.Arn.
      expect(typeof cognito[0]?.Resource === 'object' && !Array.isArray(cognito[0]?.Resource), name).toBe(true);
      expect(JSON.stringify(cognito[0]?.Resource)).not.toContain('*');
      // The pool's id, as a parameter of the nested stack that the parent fills with Ref UserPool.
      expect(fn.Properties?.Environment?.Variables?.USER_POOL_ID, name).toEqual({ Ref: expect.stringMatching(/UserPool/) });
    }
    // The parameters the nested stacks get for the pool are its ARN and id, nothing wider.
    const passed = JSON.stringify(prod.parent.findResources('AWS::CloudFormation::Stack'));
    expect(passed).toContain(`{"Fn::GetAtt":["${poolId}","Arn"]}`);
    expect(passed).toContain(`{"Ref":"${poolId}"}`);
  });

  it('allows the very actions the Cognito provider sends, no more', () => {
    const source = readFileSync(new URL('../../shared/identity/cognito.ts', import.meta.url), 'utf8');
    const sent = [...source.matchAll(/new (Admin\w+)Command\(/g)].map((m) => `cognito-idp:${m[1]}`);
    expect([...new Set(sent)].sort()).toEqual([...cognitoActions].sort());
  });
});
