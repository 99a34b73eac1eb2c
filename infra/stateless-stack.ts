import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
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
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { RouteFunction } from '#infra/route-function.ts';
import { catalogue } from '#shared/routes/index.ts';

export interface StatelessStackProps extends StackProps {
  readonly table: ITable;
}

/** The HTTP API, its Cognito user pool and one function per catalogue route. */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table } = props;

    this.userPool = this.createUserPool();
    this.userPoolClient = this.userPool.addClient('ApiClient', {
      authFlows: { userSrp: true },
      disableOAuth: true,
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
      description: 'Key account management API',
      defaultAuthorizer: authorizer,
      // The stage below replaces the default one so that it can carry access logs and throttling.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
        allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'],
        exposeHeaders: ['ETag', 'Location'],
        maxAge: Duration.hours(1),
      },
    });

    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH })),
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

    for (const route of catalogue) {
      const fn = new RouteFunction(this, route.id, {
        handlerFile: route.handler,
        description: `${route.method} ${route.path}`,
        // Cognito access tokens carry the username, and each user's username is their staff id.
        environment: { STAFF_ID_CLAIM: 'username' },
      });
      if (route.tableAccess === 'none') {
        // No grant, but the shared config still requires the variable at start-up.
        fn.addEnvironment('TABLE_NAME', table.tableName);
      } else {
        fn.bindTable(table, route.tableAccess === 'read' ? 'RO' : 'RW');
      }

      const httpRoute = new HttpRoute(this, `${route.id}Route`, {
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
    }

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }

  private createUserPool(): UserPool {
    const userPool = new UserPool(this, 'UserPool', {
      // Coordinators create the accounts, each with username = staff id.
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
      deletionProtection: true,
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
