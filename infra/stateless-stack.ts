import { CfnOutput, Duration, NestedStack, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke as InvokeFunction, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { type CfnStateMachine, DefinitionBody, DistributedMap, Fail, JsonPath, LogLevel, StateMachine, TaskInput } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { Monitoring } from '#infra/monitoring.ts';
import { RouteFunction, type RouteFunctionProps } from '#infra/route-function.ts';
import { removalPolicyOf } from '#infra/stateful-stack.ts';
import type { Stage } from '#infra/stages.ts';
import { cognitoActions } from '#shared/identity/cognito-actions.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { corsAllowHeaders, corsExposeHeaders, corsMaxAgeSeconds, corsMethods } from '#shared/http/cors.ts';
import { jobs } from '#shared/jobs.ts';
import { catalogue } from '#shared/routes/index.ts';

export interface StatelessStackProps extends StackProps {
  readonly table: ITable;
  /** Signs list cursors; every function gets it (infra/route-function.ts). */
  readonly cursorKey: ISecret;
  /**
   * The stage (infra/stages.ts): names, log retention, throttling, schedules, removal and
   * alarm e-mail. Its `corsOrigins` are the exact browser origins allowed to call the API;
   * empty: no CORS, same-origin only.
   */
  readonly stage: Stage;
}

/** A catalogue route's function as deployed (also what test/infra/docs-bundle.test.ts bundles). */
export const routeFunctionProps = (route: RouteDefinition): RouteFunctionProps => ({
  handlerFile: route.handler,
  description: `${route.method} ${route.path}`,
  ...(route.timeoutSeconds === undefined ? {} : { timeout: Duration.seconds(route.timeoutSeconds) }),
  ...(route.memoryMb === undefined ? {} : { memorySize: route.memoryMb }),
  ...(route.bundleFiles === undefined ? {} : { bundleFiles: route.bundleFiles }),
  // Cognito access tokens carry the username, and each user's username is their staff id.
  ...(route.auth === 'public' ? {} : { environment: { STAFF_ID_CLAIM: 'username' } }),
  // Every route counts refusals (shared/http/middleware.ts); POSTs replay kept replies; sign-in routes may leave one pending.
  metrics: ['Refusals', ...(route.method === 'POST' ? (['IdempotentReplays'] as const) : []), ...(route.signIn === true ? (['SignInSyncFailures'] as const) : [])],
});

/** What every function of a stage shares: its name prefix, log retention and removal, its metrics namespace. */
const stageFunctionProps = (stage: Stage, id: string): Partial<RouteFunctionProps> => ({
  functionName: `${stage.prefix}-${id}`,
  logRetention: stage.logRetentionDays as RetentionDays,
  logRemoval: removalPolicyOf(stage),
  metricsNamespace: stage.prefix,
});

/** The HTTP API, its Cognito user pool and one function per catalogue route. */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** The nested stack that holds each route's function and API route, by route id. */
  readonly routeStacks = new Map<string, NestedStack>();
  /** The nested stack that holds each job's function and schedule, by job id. */
  readonly jobStacks = new Map<string, NestedStack>();
  /** The alarm topic, alarms and dashboard (infra/monitoring.ts). */
  readonly monitoring: Monitoring;
  /** Every function of the stage: routes, jobs and the close workflow's steps. */
  readonly functions: RouteFunction[] = [];
  private readonly stage: Stage;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, cursorKey, stage } = props;
    this.stage = stage;

    this.userPool = this.createUserPool();
    this.userPoolClient = this.userPool.addClient('ApiClient', {
      authFlows: { userSrp: true },
      disableOAuth: true,
      userPoolClientName: `${stage.prefix}-api`,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', this.userPool, {
      userPoolClients: [this.userPoolClient],
    });

    this.api = new HttpApi(this, 'Api', {
      apiName: `${stage.prefix}-api`,
      description: `Key account management API (${stage.name})`,
      defaultAuthorizer: authorizer,
      // The stage below replaces the default one so that it can carry access logs and throttling.
      createDefaultStage: false,
      // The same policy as the local gateway's (shared/http/cors.ts); only the origins are a setting.
      ...(stage.corsOrigins.length === 0
        ? {}
        : {
            corsPreflight: {
              allowOrigins: [...stage.corsOrigins],
              allowMethods: corsMethods(catalogue).map((method) => CorsHttpMethod[method]),
              allowHeaders: [...corsAllowHeaders],
              exposeHeaders: [...corsExposeHeaders],
              maxAge: Duration.seconds(corsMaxAgeSeconds),
            },
          }),
    });

    const httpStage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: stage.throttle.rateLimit, burstLimit: stage.throttle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', {
            logGroupName: `/${stage.prefix}/api-access`,
            retention: stage.logRetentionDays as RetentionDays,
            removalPolicy: removalPolicyOf(stage),
          }),
        ),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            requestTime: '$context.requestTime',
            httpMethod: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            caller: '$context.authorizer.claims.username',
          }),
        ),
      },
    });

    // The jobs first: a route that starts the close workflow needs its ARN.
    const jobScope = new NestedStack(this, 'Jobs', { description: 'Scheduled jobs' });
    const closeWorkflow = this.periodCloseWorkflow(jobScope, table, cursorKey);

    // One nested stack per resource group keeps each template far below CloudFormation's
    // 500-resource limit (a route costs about seven resources) as the catalogue grows.
    for (const route of catalogue) {
      const group = this.routeGroup(route.tag);
      const fn = this.stageFunction(group, route.id, routeFunctionProps(route));
      // Each function gets only the settings its code reads (shared/config.ts).
      if (route.tableAccess !== 'none') fn.bindTable(table, route.tableAccess === 'read' ? 'RO' : 'RW', cursorKey);
      if (route.startsWorkflow === 'period-close') {
        // states:StartExecution on this one state machine, nothing else (shared/usecases/close-run.ts).
        closeWorkflow.grantStartExecution(fn);
        fn.addEnvironment('CLOSE_STATE_MACHINE_ARN', closeWorkflow.stateMachineArn);
      }
      if (route.signIn === true) this.bindUserPool(fn);

      const httpRoute = new HttpRoute(group, `${route.id}Route`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration('Integration', fn),
        authorizer: route.auth === 'public' ? new HttpNoneAuthorizer() : authorizer,
      });
      if (route.auth === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Public by design (auth: 'public' in the route catalogue): ${route.summary}.`,
        });
      }
      this.routeStacks.set(route.id, group);
    }

    const deadLetters = this.addJobs(jobScope, closeWorkflow, table, cursorKey);
    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage,
      api: this.api,
      functions: this.functions,
      table,
      deadLetterQueues: [deadLetters],
      closeWorkflow,
    });

    new CfnOutput(this, 'ApiUrl', { value: httpStage.url });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }

  /** A function of this stage: named `kam-<stage>-<id>`, the stage's log settings, counted for the alarms. */
  private stageFunction(scope: Construct, id: string, props: RouteFunctionProps): RouteFunction {
    const fn = new RouteFunction(scope, id, { ...stageFunctionProps(this.stage, id), ...props });
    this.functions.push(fn);
    return fn;
  }

  /**
   * Lets a function keep sign-in in step with the staff records: USER_POOL_ID names the
   * pool (shared/identity/index.ts picks Cognito when it is set), and its role may call
   * only the actions the Cognito provider uses, on this pool only.
   */
  private bindUserPool(fn: RouteFunction): void {
    fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
    fn.addToRolePolicy(new PolicyStatement({ actions: [...cognitoActions], resources: [this.userPool.userPoolArn] }));
  }

  private routeGroup(tag: string): NestedStack {
    const id = `${tag.replace(/[^A-Za-z0-9]/g, '')}Routes`;
    return (this.node.tryFindChild(id) as NestedStack | undefined) ?? new NestedStack(this, id, { description: `${tag} routes` });
  }

  /** One function and one EventBridge Scheduler schedule per job, with retries and a dead-letter queue. */
  private addJobs(scope: NestedStack, closeWorkflow: StateMachine, table: ITable, cursorKey: ISecret): Queue {
    const { stage } = this;
    const deadLetters = new Queue(scope, 'JobDeadLetters', {
      queueName: `${stage.prefix}-job-dead-letters`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the job schedules; it needs none of its own.',
    });
    for (const job of jobs) {
      if (job.workflow === 'period-close') {
        this.jobStacks.set(job.id, scope);
        new Schedule(scope, `${job.id}Schedule`, {
          scheduleName: `${stage.prefix}-${job.id}`,
          description: job.summary,
          enabled: stage.schedulesEnabled,
          schedule: ScheduleExpression.cron({ ...job.cron, timeZone: TimeZone.ASIA_SHANGHAI }),
          target: new StepFunctionsStartExecution(closeWorkflow, {
            input: ScheduleTargetInput.fromObject({ ...job.input, scheduledTime: ContextAttribute.scheduledTime }),
            retryAttempts: 3,
            maxEventAge: Duration.hours(6),
            deadLetterQueue: deadLetters,
          }),
        });
        continue;
      }
      const fn = this.stageFunction(scope, job.id, {
        handlerFile: job.handler,
        description: job.summary,
        timeout: Duration.seconds(job.timeoutSeconds),
        memorySize: 512,
        metrics: job.signIn === true ? ['SignInSyncFailures'] : [],
      });
      fn.bindTable(table, 'RW', cursorKey);
      if (job.signIn === true) this.bindUserPool(fn);
      this.jobStacks.set(job.id, scope);
      const schedulerRole = new Role(scope, `${job.id}SchedulerRole`, { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
      const arn = scope.resolve(fn.functionArn) as { 'Fn::GetAtt': [string, string] };
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${arn['Fn::GetAtt'][0]}.Arn>:*]`,
        reason: 'Lambda’s invoke grant covers the versions and aliases of this one job function (`<arn>:*`).',
      });
      new Schedule(scope, `${job.id}Schedule`, {
        scheduleName: `${stage.prefix}-${job.id}`,
        description: job.summary,
        enabled: stage.schedulesEnabled,
        schedule: ScheduleExpression.cron({ ...job.cron, timeZone: TimeZone.ASIA_SHANGHAI }),
        target: new InvokeFunction(fn, {
          role: schedulerRole,
          input: ScheduleTargetInput.fromObject({ ...job.input, scheduledTime: ContextAttribute.scheduledTime }),
          retryAttempts: 3,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: deadLetters,
        }),
      });
    }
    return deadLetters;
  }

  /**
   * The period close as a workflow: plan (lock, batches) → a Distributed Map gathering the
   * batches 10 at a time → finish (statements, bulletin, unlock); any failure releases the
   * lock and fails the execution. Same steps as closePeriod runs in one process.
   */
  private periodCloseWorkflow(scope: NestedStack, table: ITable, cursorKey: ISecret): StateMachine {
    const steps: RouteFunction[] = [];
    const step = (id: string, handlerFile: string, timeoutSeconds: number, memorySize = 512) => {
      const fn = this.stageFunction(scope, id, {
        handlerFile,
        description: `Period close: ${id}`,
        timeout: Duration.seconds(timeoutSeconds),
        memorySize,
        // The finish step ends the close and logs its figures (shared/usecases/close.ts recordClose).
        metrics: handlerFile === 'jobs/close-finish' ? ['ClosesRun', 'CloseDuration', 'StatementsChanged'] : [],
      });
      fn.bindTable(table, 'RW', cursorKey);
      steps.push(fn);
      return fn;
    };
    const runOf = { 'period.$': '$.plan.period', 'runId.$': '$.plan.runId' };
    const plan = new LambdaInvoke(scope, 'Plan', { lambdaFunction: step('closePlan', 'jobs/close-plan', 300), payloadResponseOnly: true, resultPath: '$.plan' });
    const gather = new DistributedMap(scope, 'GatherBatches', {
      itemsPath: '$.plan.batches',
      itemSelector: { ...runOf, 'cursor.$': '$$.Map.Item.Value' },
      maxConcurrency: 10,
      resultPath: JsonPath.DISCARD,
    });
    gather.itemProcessor(
      new LambdaInvoke(scope, 'Gather', { lambdaFunction: step('closeGather', 'jobs/close-gather', 900), payloadResponseOnly: true, retryOnServiceExceptions: true }),
    );
    // The finish holds each person's partial sums (growing with the staff, not the accounts'
    // records): 1,769 MB is one full vCPU for the pricing, with room to spare at domain.md §6's scale.
    const finish = new LambdaInvoke(scope, 'Finish', { lambdaFunction: step('closeFinish', 'jobs/close-finish', 900, 1769), payloadResponseOnly: true, payload: TaskInput.fromObject(runOf) });
    const abort = new LambdaInvoke(scope, 'Abort', { lambdaFunction: step('closeAbort', 'jobs/close-abort', 60), payloadResponseOnly: true, payload: TaskInput.fromObject(runOf), resultPath: JsonPath.DISCARD })
      .next(new Fail(scope, 'CloseFailed', { error: 'PeriodCloseFailed', cause: 'A step of the period close failed; its lock was released' }));
    gather.addCatch(abort, { resultPath: '$.error' });
    finish.addCatch(abort, { resultPath: '$.error' });
    const machine = new StateMachine(scope, 'PeriodClose', {
      stateMachineName: `${this.stage.prefix}-period-close`,
      definitionBody: DefinitionBody.fromChainable(plan.next(gather).next(finish)),
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(scope, 'PeriodCloseLogs', {
          logGroupName: `/aws/vendedlogs/states/${this.stage.prefix}-period-close`,
          retention: this.stage.logRetentionDays as RetentionDays,
          removalPolicy: removalPolicyOf(this.stage),
        }),
        level: LogLevel.ALL,
      },
      timeout: Duration.hours(2),
    });
    const acknowledge = (id: string, reason: string) => Validations.of(machine).acknowledge({ id: `AwsSolutions-IAM5[${id}]`, reason });
    for (const fn of steps) {
      const arn = scope.resolve(fn.functionArn) as { 'Fn::GetAtt': [string, string] };
      acknowledge(`Resource::<${arn['Fn::GetAtt'][0]}.Arn>:*`, 'Invoking a step function covers its versions and aliases (`<arn>:*`); only this workflow’s own step functions.');
    }
    acknowledge('Resource::*', 'X-Ray tracing and the log delivery that Step Functions logging needs support no resource-level permissions.');
    const executions = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${scope.getLogicalId(machine.node.defaultChild as CfnStateMachine)}"}]}]}`;
    const childReason = 'The Distributed Map starts and watches child executions of this one state machine; their names are made at run time.';
    acknowledge(`Resource::${executions}:*`, childReason);
    acknowledge(`Resource::${executions}/*:*`, childReason);
    return machine;
  }

  private createUserPool(): UserPool {
    const retain = this.stage.removal === 'retain';
    const userPool = new UserPool(this, 'UserPool', {
      userPoolName: this.stage.prefix,
      // The staff routes create the users (shared/identity/cognito.ts), each with username = staff id.
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      standardAttributes: { email: { required: false, mutable: true } },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Plus brings threat protection (compromised credentials, adaptive authentication): AwsSolutions-COG8.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: retain,
      removalPolicy: removalPolicyOf(this.stage),
      userInvitation: {
        emailSubject: 'Your key account management sign-in',
        emailBody: 'Your user name is {username} and your temporary password is {####}. You will choose your own at first sign-in.',
      },
    });
    Validations.of(userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP only) so that staff can enrol at their own pace; threat protection in enforced mode ' +
        'challenges risky sign-ins. Switch to Mfa.REQUIRED once every member of staff has enrolled.',
    });
    return userPool;
  }
}
