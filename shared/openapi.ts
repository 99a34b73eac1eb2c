import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { acceptLanguageMaxLength, etagPattern, idempotencyKeyMaxLength, idempotencyKeyPattern } from '#shared/http/headers.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { catalogue } from '#shared/routes/index.ts';
import * as z from 'zod';
import { Problem } from '#shared/schemas/common.ts';

/** What API Gateway answers itself when the stage's throttle (infra/stateless-stack.ts) is exceeded. */
const GatewayThrottled = z.object({ message: z.enum(['Too Many Requests']) }).meta({ id: 'GatewayThrottled' });

const statusText: Record<number, string> = {
  400: 'Bad input: one `errors[]` entry per bad field',
  401: 'No token, or a bad one',
  403: 'Not allowed for this caller',
  404: 'No such object (or not visible to the caller)',
  409: 'Conflicting state',
  412: 'If-Match is stale',
  415: 'The body is not sent as application/json',
  422: 'A business rule was broken',
  428: 'If-Match is required',
  500: 'Unexpected error (logged)',
  503: 'The database is busy; retry',
};

const problemResponses = (route: RouteDefinition) => {
  const statuses = new Set([
    400,
    500,
    503,
    ...(route.auth === 'public' ? [] : [401, 403]),
    // The middleware refuses a body that is not JSON before it reads it (shared/http/middleware.ts).
    ...(route.body === undefined ? [] : [415]),
    ...(route.problems ?? []),
  ]);
  return {
    ...Object.fromEntries(
      [...statuses]
        .sort()
        .map((status) => [
          status,
          { description: statusText[status] ?? 'Problem', content: { 'application/problem+json': { schema: Problem } } },
        ]),
    ),
    429: { description: 'Too many requests: the stage throttle (API Gateway) refused it; retry later', content: { 'application/json': { schema: GatewayThrottled } } },
  };
};

/** The OpenAPI 3.1 document, generated from the route catalogue and its zod schemas. */
/** The request headers a route reads: If-Match, Idempotency-Key (POST), Accept-Language (explained statements). */
const headerParameters = (route: RouteDefinition) => [
  ...(route.ifMatch !== undefined
    ? [{
        name: 'If-Match',
        in: 'header' as const,
        required: route.ifMatch === 'required',
        description: route.ifMatch === 'required' ? 'The ETag you read, e.g. "3"' : 'The ETag you read; required when the resource exists',
        schema: { type: 'string' as const, maxLength: 24, pattern: etagPattern.source },
      }]
    : route.method === 'POST' && route.auth !== 'public'
      ? [{
          name: 'Idempotency-Key',
          in: 'header' as const,
          required: false,
          description: 'Retry safely: the first reply is returned again for 24 h',
          schema: { type: 'string' as const, maxLength: idempotencyKeyMaxLength, pattern: idempotencyKeyPattern.source },
        }]
      : []),
  ...(route.languages === true
    ? [{
        name: 'Accept-Language',
        in: 'header' as const,
        required: false,
        description: 'zh-CN for explanation lines in Chinese; English otherwise (the numbers are the same)',
        schema: { type: 'string' as const, maxLength: acceptLanguageMaxLength, pattern: '^[A-Za-z0-9*,;=. -]*$' },
      }]
    : []),
];

export const buildOpenApi = (routes: readonly RouteDefinition[] = catalogue) => {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A signed JWT (JWS) from the identity provider, verified before any function runs: the API Gateway JWT authorizer checks signature, issuer, audience and expiry and takes no unsigned token, as RFC8725 advises.',
  });
  for (const route of routes) {
    registry.registerPath({
      method: route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: route.path,
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === 'public' ? [] : [{ bearer: [] }],
      request: {
        ...(route.params === undefined ? {} : { params: route.params }),
        ...(route.query === undefined ? {} : { query: route.query }),
        ...(route.body === undefined ? {} : { body: { required: route.bodyOptional !== true, content: { 'application/json': { schema: route.body } } } }),
      },
      ...(headerParameters(route).length === 0 ? {} : { parameters: headerParameters(route) }),
      responses: {
        [route.response.status]: {
          description: route.response.description,
          content: { [route.response.contentType ?? 'application/json']: { schema: route.response.schema } },
        },
        // A PUT that may create answers 201 the first time.
        ...(route.ifMatch === 'when-exists'
          ? { 201: { description: 'Created', content: { 'application/json': { schema: route.response.schema } } } }
          : {}),
        ...problemResponses(route),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Key account management and incentive pay API',
      version: '1.0.0',
      description: 'Company G’s key accounts, their upkeep, and the four-tier pay of the key-account team.',
    },
    tags: [...new Set(routes.map((r) => r.tag))].sort().map((name) => ({ name })),
    // For company G's staff and their front end, not the public: each stage serves its own URL.
    servers: [{ url: '/', description: 'This deployment (local, test or production stage)', 'x-internal': true }],
  });
};
