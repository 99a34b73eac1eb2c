import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj } from '@middy/core';
import { dynamo, tableName } from '#shared/db/client.ts';
import { staffIdClaim } from '#shared/http/authenticate.ts';
import type { HttpEvent, HttpResult, RouteContext } from '#shared/http/middleware.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { countOne, metricNames } from '#shared/metrics.ts';

/** The requests that saved the in-progress record of their key, and so own it. */
const owners = new WeakSet<object>();

/**
 * `Idempotency-Key` on POST, with Powertools' idempotency utility: the first reply is kept
 * for 24 h and returned again for the same key, caller, path and (parsed) body; the same
 * key with anything else is refused (IdempotencyValidationError → 422); while the first
 * is still running, the others get 409. A request without the header is not tracked.
 * Records live in the single table, one partition per route.
 *
 * Powertools' middleware deletes the key's record in onError, and middy runs every
 * onError whatever failed — also when this request's own `before` found the key in
 * progress (or used with another body) and saved nothing. That deleted the FIRST
 * request's in-progress record, so the next of a burst got through and wrote a second
 * record. Here only the request that saved the record may delete it (its handler failed:
 * the key may be retried).
 */
export const idempotency = (route: RouteDefinition): MiddlewareObj<HttpEvent, HttpResult, Error, RouteContext> => {
  const powertools = makeHandlerIdempotent({
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
      payloadValidationJmesPath: `[requestContext.authorizer.jwt.claims."${staffIdClaim}", rawPath, powertools_json(body || '{}')]`,
      expiresAfterSeconds: 24 * 60 * 60,
      throwOnNoIdempotencyKey: false,
    }),
  });
  return {
    before: async (request) => {
      // Throws when the key is in progress or was used with another body: nothing saved.
      const replay = await powertools.before?.(request);
      // undefined: the handler runs (record saved, or no key at all); else the kept reply.
      if (replay === undefined) owners.add(request);
      else countOne(metricNames.idempotentReplays);
      return replay as HttpResult | undefined;
    },
    after: async (request) => {
      await powertools.after?.(request);
    },
    onError: async (request) => {
      if (!owners.has(request)) return;
      await powertools.onError?.(request);
    },
  };
};
