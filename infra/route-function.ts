import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Unit } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { bundling } from '#infra/bundling.ts';
import { metricFilters } from '#infra/metric-filters.ts';
import type { MetricName } from '#shared/metrics.ts';
import { tableDefinition } from '#shared/table.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface RouteFunctionProps {
  /** Handler file under `functions/`, without extension (a route's `handler`), e.g. `staff/get-staff`. */
  readonly handlerFile: string;
  readonly environment?: Readonly<Record<string, string>>;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly description?: string;
  /** Repo-relative files copied into this function's bundle at the same relative path (a route's `bundleFiles`). */
  readonly bundleFiles?: readonly string[];
  /** The physical name (`kam-<stage>-<id>`): alarms and the dashboard find a stage's functions by it. */
  readonly functionName?: string;
  /** The stage's namespace of the business metrics (shared/metrics.ts); none published without it. */
  readonly metricsNamespace?: string;
  /** The business metrics this function's code can emit: a metric filter on its log group for each. */
  readonly metrics?: readonly MetricName[];
  /** The stage's log retention (infra/stages.ts); one month unless given. */
  readonly logRetention?: RetentionDays;
  /** Whether the log group outlives the stack (the stage's removal setting). */
  readonly logRemoval?: RemovalPolicy;
}

/**
 * Every Lambda default in one place: Node 24 on Graviton, an ESM bundle made by the local
 * esbuild, X-Ray tracing, a one-month log group and a role that may write only to it.
 * Table access is added per function with `bindTable`.
 */
export class RouteFunction extends NodejsFunction {

  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    // The role and log group are siblings because a subclass cannot create children before super().
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      ...(props.logRemoval === undefined ? {} : { removalPolicy: props.logRemoval }),
    });
    // An own role, not the managed AWSLambdaBasicExecutionRole (AwsSolutions-IAM4): it writes to this log group only.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });

    super(scope, id, {
      entry: `${repoRoot}functions/${props.handlerFile}.ts`,
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.description,
      ...(props.functionName === undefined ? {} : { functionName: props.functionName }),
      tracing: Tracing.ACTIVE,
      logGroup,
      // Lambda's own structured logs (shared/logger.ts): one JSON line per console call, below INFO dropped.
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.INFO,
      role,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        ...bundling,
        format: OutputFormat.ESM,
        charset: Charset.ASCII,
        mainFields: [...bundling.mainFields],
        externalModules: [...bundling.externalModules],
        // esbuild from node_modules, never Docker.
        forceDockerBundling: false,
        ...(props.bundleFiles === undefined || props.bundleFiles.length === 0 ? {} : { commandHooks: copyInto(props.bundleFiles) }),
      },
    });

    logGroup.grantWrite(role);
    // Each business metric from its log line (shared/metrics.ts): `$.message` is the object the code logged.
    const namespace = props.metricsNamespace;
    for (const name of props.metrics ?? []) {
      if (namespace === undefined) break;
      const filter = metricFilters[name];
      logGroup.addMetricFilter(`${name}Metric`, {
        metricNamespace: namespace,
        metricName: name,
        filterPattern: FilterPattern.stringValue('$.message.metric', '=', filter.line),
        metricValue: filter.value === '1' ? '1' : `$.message.${filter.value}`,
        unit: filter.unit === 'Count' ? Unit.COUNT : Unit.MILLISECONDS,
        dimensions: Object.fromEntries(['service', ...filter.dimensions].map((d) => [d, `$.message.${d}`])),
      });
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments and PutTelemetryRecords (active tracing) support no resource-level permissions.',
    });
  }

  /**
   * Grants least-privilege access to the table (`RO`: read only, `RW`: read and write) and
   * names it in TABLE_NAME: named actions (no Scan) on the table and each of its indexes by
   * name, so the policy has no wildcard. The data modules sign list cursors, so a function
   * that reads the table also gets CURSOR_KEY (shared/config.ts); one that does not gets
   * neither.
   */
  bindTable(table: ITable, access: 'RO' | 'RW', cursorKey: ISecret): void {
    this.addToRolePolicy(
      new PolicyStatement({
        actions: access === 'RO' ? readActions : [...readActions, ...writeActions],
        resources: [table.tableArn, ...tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.name}`)],
      }),
    );
    this.addEnvironment('TABLE_NAME', table.tableName);
    // A CloudFormation dynamic reference ({{resolve:secretsmanager:…}}) puts the value in at
    // deployment: no Secrets Manager client in each bundle (already large), no
    // GetSecretValue on each cold start and no grant to the function's role. The cost: the
    // value sits in the function's configuration (encrypted at rest, readable with
    // GetFunctionConfiguration, which only operators hold) and reaches the functions only
    // on a deploy (no rotation).
    this.addEnvironment('CURSOR_KEY', cursorKey.secretValue.unsafeUnwrap());
  }
}

/** Copies files beside the bundle after esbuild ran, keeping their repo-relative paths. */
const copyInto = (files: readonly string[]) => ({
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (inputDir: string, outputDir: string) =>
    files.map((file) => {
      if (!/^[\w@./-]+$/.test(file) || file.split('/').includes('..')) throw new Error(`bundleFiles: ${file} is not a plain repo-relative path`);
      const target = posix.join(outputDir, file);
      return `mkdir -p "${posix.dirname(target)}" && cp "${posix.join(inputDir, file)}" "${target}"`;
    }),
});

const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
