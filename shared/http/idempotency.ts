import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { config } from '#shared/config.ts';
import { dynamo, tableName } from '#shared/db/client.ts';
import type { RouteDefinition } from '#shared/http/route.ts';

/**
 * `Idempotency-Key` on POST, with Powertools' idempotency utility: the first reply is kept
 * for 24 h and returned again for the same key, caller, path and (parsed) body; the same
 * key with anything else is refused (IdempotencyValidationError → 422). A request without
 * the header is not tracked. Records live in the single table, one partition per route.
 */
export const idempotency = (route: RouteDefinition) =>
  makeHandlerIdempotent({
    keyPrefix: route.id,
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName,
      awsSdkV3Client: dynamo,
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: `IDEMPOTENCY#${route.id}`,
      expiryAttr: 'expiresAt',
    }),
    config: new IdempotencyConfig({
      eventKeyJmesPath: 'headers."idempotency-key"',
      payloadValidationJmesPath: `[requestContext.authorizer.jwt.claims."${config.staffIdClaim}", rawPath, powertools_json(body || '{}')]`,
      expiresAfterSeconds: 24 * 60 * 60,
      throwOnNoIdempotencyKey: false,
    }),
  });
