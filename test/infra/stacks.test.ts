import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NestedStack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app.ts';
import { defaultStage, stages } from '#infra/stages.ts';
import type { RouteFunction } from '#infra/route-function.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { jobs } from '#shared/jobs.ts';
import { catalogue } from '#shared/routes/index.ts';
import * as staffRoutes from '#shared/routes/staff.ts';
import { tableDefinition } from '#shared/table.ts';

/**
 * The stacks synthesize with the real NodejsFunction constructs, but CDK's own
 * `aws:cdk:bundling-stacks` context skips running esbuild: templates, grants and cdk-nag
 * findings do not depend on the bundle. `npm run synth` bundles every function.
 */
const withoutBundling = { 'aws:cdk:bundling-stacks': [] };

const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLInsert',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  'dynamodb:*',
  '*',
];

interface Resource {
  readonly Properties?: Record<string, unknown>;
}
interface PolicyDocument {
  readonly Statement: readonly { readonly Effect: 'Allow' | 'Deny'; readonly Action: string | string[] }[];
}

let built: ReturnType<typeof buildApp>;
let stateless: Template;
let stateful: Template;

beforeAll(() => {
  built = buildApp(withoutBundling);
  stateless = Template.fromStack(built.stateless);
  stateful = Template.fromStack(built.stateful);
});

/** Routes live in nested stacks, one per resource group; their templates are read once. */
const templates = new Map<NestedStack, Template>();
const stackOf = (route: RouteDefinition): NestedStack => {
  const stack = built.stateless.routeStacks.get(route.id);
  if (stack === undefined) throw new Error(`no nested stack for ${route.id}`);
  return stack;
};
const templateOf = (route: RouteDefinition): Template => {
  const stack = stackOf(route);
  const template = templates.get(stack) ?? Template.fromStack(stack);
  templates.set(stack, template);
  return template;
};

const logicalIdOf = (route: RouteDefinition): string => {
  const fn = stackOf(route).node.findChild(route.id) as RouteFunction;
  return stackOf(route).getLogicalId(fn.node.defaultChild as CfnFunction);
};

const functionOf = (route: RouteDefinition): Resource => {
  const functions = templateOf(route).findResources('AWS::Lambda::Function') as Record<string, Resource>;
  const fn = functions[logicalIdOf(route)];
  if (fn === undefined) throw new Error(`no function for ${route.id}`);
  return fn;
};

/** Every action that any policy attached to the route function's role allows. */
const allowedActionsOf = (route: RouteDefinition): string[] => {
  const roleArn = functionOf(route).Properties?.Role as { 'Fn::GetAtt': [string, string] };
  const roleId = roleArn['Fn::GetAtt'][0];
  const role = templateOf(route).findResources('AWS::IAM::Role')[roleId] as Resource;
  const attached = Object.values(templateOf(route).findResources('AWS::IAM::Policy') as Record<string, Resource>).filter(
    (policy) => JSON.stringify(policy.Properties?.Roles).includes(`"Ref":"${roleId}"`),
  );
  const inline = (role.Properties?.Policies ?? []) as { PolicyDocument: PolicyDocument }[];
  const documents = [
    ...attached.map((policy) => policy.Properties?.PolicyDocument as PolicyDocument),
    ...inline.map((policy) => policy.PolicyDocument),
  ];
  return documents
    .flatMap((document) => document.Statement)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => [statement.Action].flat());
};

describe('stateless stack', () => {
  it.each(catalogue.map((route) => [`${route.method} ${route.path}`, route] as const))(
    'routes %s to its own function, behind the JWT authorizer unless public',
    (routeKey, route) => {
      // Prepare
      const functionId = logicalIdOf(route);
      const auth =
        route.auth === 'public'
          ? { AuthorizationType: 'NONE', AuthorizerId: Match.absent() }
          : { AuthorizationType: 'JWT', AuthorizerId: Match.anyValue() };

      // Act
      const routes = templateOf(route).findResources('AWS::ApiGatewayV2::Route', {
        Properties: { RouteKey: routeKey, ...auth },
      }) as Record<string, Resource>;
      const integrations = templateOf(route).findResources('AWS::ApiGatewayV2::Integration', {
        Properties: { IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': [functionId, 'Arn'] } },
      });

      // Assess
      expect(Object.keys(routes)).toHaveLength(1);
      const target = JSON.stringify(Object.values(routes)[0]?.Properties?.Target);
      expect(Object.keys(integrations).some((integrationId) => target.includes(`"Ref":"${integrationId}"`))).toBe(true);
    },
  );

  it('uses the Cognito user pool as the JWT authorizer', () => {
    // Act & Assess
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('runs one Node.js 24 arm64 function per catalogue route', () => {
    // Prepare
    const expected = catalogue.map((route) => [route.id, 'nodejs24.x', ['arm64']]);

    // Act
    const actual = catalogue.map((route) => {
      const properties = functionOf(route).Properties;
      return [route.id, properties?.Runtime, properties?.Architectures];
    });

    // Assess
    const functions = [...new Set(built.stateless.routeStacks.values())].map((stack) => Template.fromStack(stack).findResources('AWS::Lambda::Function'));
    expect(functions.reduce((count, found) => count + Object.keys(found).length, 0)).toBe(catalogue.length);
    expect(actual).toEqual(expected);
  });

  it('gives heavy routes the time (within API Gateway’s 30 s) and memory their catalogue entry asks for; others 10 s', () => {
    for (const route of catalogue) {
      const properties = functionOf(route).Properties;
      expect(properties?.Timeout, route.id).toBe(route.timeoutSeconds ?? 10);
      expect(properties?.MemorySize, route.id).toBe(route.memoryMb ?? 256);
      expect(route.timeoutSeconds ?? 10).toBeLessThan(30);
    }
  });

  it('logs every route as Lambda JSON lines (shared/logger.ts writes through the console; no logging library), INFO and above, into its own log group', () => {
    for (const route of catalogue) {
      const config = functionOf(route).Properties?.LoggingConfig as Record<string, unknown> | undefined;
      expect(config, route.id).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'INFO' });
      // Its own group: a Ref to an AWS::Logs::LogGroup of the route's stack, kept as long as the stage says.
      const ref = (config?.LogGroup as { Ref?: string } | undefined)?.Ref;
      const groups = templateOf(route).findResources('AWS::Logs::LogGroup');
      expect(ref !== undefined && groups[ref] !== undefined, `${route.id} logs to ${JSON.stringify(config?.LogGroup)}`).toBe(true);
      expect(groups[ref ?? '']?.Properties, route.id).toMatchObject({ RetentionInDays: stages[defaultStage]?.logRetentionDays });
    }
  });

  it('gives each route exactly the settings its code reads (shared/config.ts): the table and cursor key with table access, the claim with a token, the user pool with sign-in', () => {
    // Arrange
    const defaults = ['NODE_OPTIONS'];
    const expected = catalogue.map((route) => [
      route.id,
      [
        ...defaults,
        ...(route.tableAccess === 'none' ? [] : ['CURSOR_KEY', 'TABLE_NAME']),
        ...(route.auth === 'public' ? [] : ['STAFF_ID_CLAIM']),
        ...(route.startsWorkflow === undefined ? [] : ['CLOSE_STATE_MACHINE_ARN']),
        ...(route.signIn === true ? ['USER_POOL_ID'] : []),
      ].sort(),
    ]);

    // Act
    const actual = catalogue.map((route) => {
      const variables = (functionOf(route).Properties?.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {};
      return [route.id, Object.keys(variables).sort()];
    });

    // Assess
    expect(actual).toEqual(expected);
    expect(catalogue.some((route) => route.tableAccess === 'none')).toBe(true); // the rule is exercised both ways
    expect(catalogue.filter((route) => route.signIn === true).map((route) => route.id).sort()).toEqual(['createStaff', 'patchStaff', 'recordDeparture', 'rerunSignInSync']);
    for (const route of catalogue.filter((r) => r.auth !== 'public')) {
      expect((functionOf(route).Properties?.Environment as { Variables: Record<string, unknown> }).Variables.STAFF_ID_CLAIM, route.id).toBe('username');
    }
  });

  it('gives every function that reads the table the cursor key as a deploy-time reference to the stateful secret, and the jobs no token claim', () => {
    // Arrange
    const stacks = new Set([...built.stateless.routeStacks.values(), ...built.stateless.jobStacks.values()]);
    const closeSteps = 4; // plan, gather, finish, abort
    const jobStacks = new Set(built.stateless.jobStacks.values());

    // Act
    const perTemplate = [...stacks].map((stack) => {
      const functions = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function') as Record<string, Resource>);
      return functions.flatMap((fn) => {
        const variables = (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
        return variables.TABLE_NAME === undefined ? [] : [JSON.stringify(variables.CURSOR_KEY)];
      });
    });
    const jobVariables = [...jobStacks].flatMap((stack) =>
      Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function') as Record<string, Resource>).map(
        (fn) => (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables,
      ),
    );

    // Assess
    expect(perTemplate.flat()).toHaveLength(catalogue.filter((r) => r.tableAccess !== 'none').length + jobs.filter((job) => job.workflow === undefined).length + closeSteps);
    for (const references of perTemplate) {
      // CloudFormation resolves at most 60 dynamic references per template.
      expect(references.length).toBeLessThanOrEqual(60);
      for (const reference of references) {
        expect(reference).toContain('{{resolve:secretsmanager:');
        expect(reference).toContain(':SecretString:::}}');
      }
    }
    expect(jobVariables).toHaveLength(jobs.filter((job) => job.workflow === undefined).length + closeSteps);
    for (const variables of jobVariables) {
      expect(variables).toEqual(expect.objectContaining({ TABLE_NAME: expect.anything(), CURSOR_KEY: expect.anything() }));
      expect(variables.STAFF_ID_CLAIM).toBeUndefined();
    }
  });

  it.each(catalogue.filter((route) => route.tableAccess === 'read').map((route) => [route.id, route] as const))(
    'lets read-only %s read the table but never write to it',
    (_id, route) => {
      // Act
      const actions = allowedActionsOf(route);

      // Assess
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      expect(actions.filter((action) => writeActions.includes(action))).toEqual([]);
    },
  );

  it.each(catalogue.filter((route) => route.tableAccess === 'write').map((route) => [route.id, route] as const))(
    'lets writing %s write to the table',
    (_id, route) => {
      // Act
      const actions = allowedActionsOf(route);

      // Assess
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
    },
  );

  it('lets no function Scan the table (every access pattern is a keyed Query or Get)', () => {
    for (const route of catalogue) expect(allowedActionsOf(route)).not.toContain('dynamodb:Scan');
  });

  it.each(catalogue.filter((route) => route.tableAccess === 'none').map((route) => [route.id, route] as const))(
    'gives %s, which needs no table, no DynamoDB permission',
    (_id, route) => {
      // Act
      const actions = allowedActionsOf(route);

      // Assess
      expect(actions.filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
    },
  );

  it('keeps every template within CloudFormation’s 500-resource limit', () => {
    const stacks = [built.stateless, ...new Set(built.stateless.routeStacks.values()), ...new Set(built.stateless.jobStacks.values())];
    for (const stack of stacks) {
      const count = Object.keys(Template.fromStack(stack).toJSON().Resources as object).length;
      expect(count, stack.node.path).toBeLessThanOrEqual(500);
    }
  });

  it('grants named indexes only: no wildcard resource in any table grant', () => {
    for (const route of catalogue.filter((r) => r.tableAccess !== 'none')) {
      const policies = JSON.stringify(templateOf(route).findResources('AWS::IAM::Policy'));
      expect(policies).not.toContain('/index/*');
      expect(policies).toContain('/index/gsi1');
    }
  });

  it('schedules each job in Asia/Shanghai with retries and a dead-letter queue', () => {
    for (const job of jobs) {
      const stack = built.stateless.jobStacks.get(job.id);
      if (stack === undefined) throw new Error(`no nested stack for ${job.id}`);
      Template.fromStack(stack).hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: `cron(${job.cron.minute} ${job.cron.hour} ${job.cron.day} ${job.cron.month} ? *)`,
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        Target: Match.objectLike({ RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 3 }), DeadLetterConfig: { Arn: Match.anyValue() } }),
      });
    }
  });

  it('runs the quarter and year closes as a traced, logged workflow: plan, a Distributed Map over batches, finish', () => {
    const stack = built.stateless.jobStacks.get('quarterClose');
    if (stack === undefined) throw new Error('no jobs stack');
    const template = Template.fromStack(stack);
    const machines = template.findResources('AWS::StepFunctions::StateMachine');
    expect(Object.keys(machines)).toHaveLength(1);
    const [machineId, machine] = Object.entries(machines)[0] as [string, Resource];
    expect(machine.Properties).toMatchObject({ TracingConfiguration: { Enabled: true }, LoggingConfiguration: { Level: 'ALL' } });
    const definition = JSON.stringify(machine.Properties?.DefinitionString);
    for (const state of ['Plan', 'GatherBatches', 'DISTRIBUTED', 'Finish', 'Abort']) expect(definition).toContain(state);
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule') as Record<string, Resource>);
    const toMachine = schedules.filter((s) => JSON.stringify(s.Properties?.Target).includes(`"Ref":"${machineId}"`));
    expect(toMachine).toHaveLength(jobs.filter((j) => j.workflow === 'period-close').length);
  });

  it('lets the close route start the close workflow and nothing else: states:StartExecution on that one state machine, its ARN in CLOSE_STATE_MACHINE_ARN', () => {
    // Prepare
    const starters = catalogue.filter((route) => route.startsWorkflow === 'period-close');
    expect(starters.map((route) => route.id)).toEqual(['closePeriod']);
    const route = starters[0] as RouteDefinition;
    const roleId = (functionOf(route).Properties?.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = Object.values(templateOf(route).findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter((policy) => JSON.stringify(policy.Properties?.Roles).includes(`"Ref":"${roleId}"`))
      .flatMap((policy) => (policy.Properties?.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement);

    // Act
    const states = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('states:')));
    const variables = (functionOf(route).Properties?.Environment as { Variables: Record<string, unknown> }).Variables;

    // Assess: one action, one resource, the same reference the function is given; no other route may start anything.
    expect(states).toHaveLength(1);
    expect([states[0]?.Action].flat()).toEqual(['states:StartExecution']);
    expect(states[0]?.Resource).toEqual(variables.CLOSE_STATE_MACHINE_ARN);
    expect(JSON.stringify(states[0]?.Resource)).not.toContain('*');
    for (const other of catalogue.filter((r) => r.startsWorkflow === undefined)) {
      expect(allowedActionsOf(other).filter((action) => action.startsWith('states:')), other.id).toEqual([]);
    }
  });

  it('logs access on the default stage and throttles it (dev’s settings: 20 requests a second, bursts of 40)', () => {
    // Act & Assess
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context\\.requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
  });
});

describe('stateful stack', () => {
  let prod: Template;
  beforeAll(() => {
    prod = Template.fromStack(buildApp({ ...withoutBundling, stage: 'prod' }).stateful);
  });

  it('keeps the table of a retaining stage (prod): point-in-time recovery, deletion protection and Retain', () => {
    // Act & Assess
    prod.resourceCountIs('AWS::DynamoDB::Table', 1);
    prod.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    });
  });

  it('lets a stage that does not retain (dev) remove its table and cursor key with the stack, unprotected', () => {
    stateful.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: Match.objectLike({ TableName: 'kam-dev-data', DeletionProtectionEnabled: false, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
    });
    stateful.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ Name: 'kam-dev-cursor-key' }) });
  });

  it('generates the cursor key in Secrets Manager and keeps it on a retaining stage', () => {
    prod.hasResource('AWS::SecretsManager::Secret', {
      Properties: { GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }) },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('builds every global secondary index of the table definition with all attributes projected', () => {
    // Prepare
    const indexes = tableDefinition.globalIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));

    // Act & Assess
    stateful.hasResourceProperties('AWS::DynamoDB::Table', { GlobalSecondaryIndexes: indexes });
  });
});

describe('cdk-nag AwsSolutions checks', () => {
  it('find nothing unacknowledged in either stack', () => {
    // Act
    const assembly = built.app.synth();

    // Assess
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((pluginReport) => pluginReport.violations)).toEqual([]);
  });

  it('stop synthesis when a construct breaks a rule', () => {
    // Prepare
    const { app, stateful: data, stateless: api } = buildApp(withoutBundling);
    const fn = api.routeStacks.get(staffRoutes.getStaff.id)?.node.findChild(staffRoutes.getStaff.id) as RouteFunction;
    fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: [data.table.tableArn] }));

    // Act
    const act = () => app.synth();

    // Assess
    expect(act).toThrow(/AwsSolutions-IAM5\[Action::dynamodb:\*\]/);
  });
});
