import { acceptLanguageMaxLength, etagPattern, idempotencyKeyMaxLength, idempotencyKeyPattern } from '#shared/http/headers.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { catalogue } from '#shared/routes/index.ts';
import * as z from 'zod/mini';
import { documentedAs, Problem } from '#shared/schemas/common.ts';

/** What API Gateway answers itself when the stage's throttle (infra/stateless-stack.ts) is exceeded. */
const GatewayThrottled = z.object({ message: z.enum(['Too Many Requests']) }).check(z.meta({ id: 'GatewayThrottled' }));

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

type Json = Record<string, unknown>;
const componentUri = (id: string) => `#/components/schemas/${id}`;

/**
 * zod's own JSON Schema (2020-12, which OpenAPI 3.1 uses), in the document's forms: a
 * nullable scalar as one `type` list; a schema that checks more than JSON Schema says
 * (shared/schemas/common.ts `documentedAs`) as what it accepts.
 */
const tidy = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(tidy);
  if (typeof node !== 'object' || node === null) return node;
  const { const: only, ...rest } = node as Json;
  const out: Json = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, tidy(v)]));
  if (only !== undefined) out.enum = [only]; // a literal, as a one-value enum
  const anyOf = out.anyOf as Json[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2 && Object.keys(out).length === 1) {
    const nullAt = anyOf.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullAt];
    if (nullAt >= 0 && other !== undefined) {
      // A nullable union is one union with null in it; a nullable scalar or object one `type` list.
      if (Array.isArray(other.anyOf) && Object.keys(other).length === 1) return { anyOf: [...other.anyOf, { type: 'null' }] };
      if (typeof other.type === 'string') {
        return { ...other, type: [other.type, 'null'], ...(Array.isArray(other.enum) ? { enum: [...other.enum, null] } : {}) };
      }
    }
  }
  return out;
};

/** What zod says beyond what the document said before it generated it: only stated where it means something. */
const trim = ({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: Json }) => {
  const def = zodSchema._zod.def as { type: string; catchall?: unknown; format?: string };
  // A (non-strict) object's output drops unknown keys: not a promise about what is sent.
  if (def.type === 'object' && def.catchall === undefined) delete jsonSchema.additionalProperties;
  // An ISO date or instant: `format` says it; zod's long pattern says nothing more.
  if (def.type === 'string' && (def.format === 'date' || def.format === 'datetime')) delete jsonSchema.pattern;
  // A record's keys: stated when a pattern says which (BoundedRecord); a bare string says nothing.
  const names = jsonSchema.propertyNames as Json | undefined;
  if (names !== undefined && names.pattern === undefined && names.enum === undefined) delete jsonSchema.propertyNames;
};

const jsonSchemaOf = (schema: z.core.$ZodType, io: 'input' | 'output', defs: Set<string>): Json => {
  // A schema with an id comes back as a `$ref` into `$defs`: here, into the document's components.
  const { $schema: _, $defs: named = {}, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      trim({ zodSchema, jsonSchema: jsonSchema as Json });
      const shown = documentedAs.get(zodSchema as z.core.$ZodType);
      if (shown === undefined) return;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Json)[key];
      Object.assign(jsonSchema, jsonSchemaOf(shown, io, defs));
    },
  }) as Json;
  for (const id of Object.keys(named as Json)) defs.add(id);
  return tidy(JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'))) as Json;
};

/** Path or query parameters: one entry per field of the route's strict object. */
const parametersOf = (schema: z.core.$ZodObject, place: 'path' | 'query', defs: Set<string>) => {
  const json = jsonSchemaOf(schema, 'input', defs);
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, Json>).map(([name, field]) => ({ schema: field, required: required.has(name), name, in: place }));
};

export const buildOpenApi = (routes: readonly RouteDefinition[] = catalogue) => {
  const defs = new Set<string>();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const content = (schema: z.core.$ZodType, type: string, io: 'input' | 'output') => ({ [type]: { schema: jsonSchemaOf(schema, io, defs) } });
    const parameters = [
      ...headerParameters(route),
      ...(route.params === undefined ? [] : parametersOf(route.params, 'path', defs)),
      ...(route.query === undefined ? [] : parametersOf(route.query, 'query', defs)),
    ];
    const problems = problemResponses(route);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === 'public' ? [] : [{ bearer: [] }],
      ...(parameters.length === 0 ? {} : { parameters }),
      ...(route.body === undefined ? {} : { requestBody: { required: route.bodyOptional !== true, content: content(route.body, 'application/json', 'input') } }),
      responses: {
        [route.response.status]: { description: route.response.description, content: content(route.response.schema, route.response.contentType ?? 'application/json', 'output') },
        // A PUT that may create answers 201 the first time.
        ...(route.ifMatch === 'when-exists' ? { 201: { description: 'Created', content: content(route.response.schema, 'application/json', 'output') } } : {}),
        ...Object.fromEntries(
          Object.entries(problems).map(([status, { description, content: media }]) => [
            status,
            { description, content: Object.fromEntries(Object.entries(media).map(([type, { schema }]) => [type, { schema: jsonSchemaOf(schema, 'output', defs) }])) },
          ]),
        ),
      },
    };
  }
  // The components: every schema with an id that the paths name, and those they name in turn.
  const all = z.toJSONSchema(z.globalRegistry, {
    io: 'output',
    unrepresentable: 'any',
    uri: componentUri,
    override: ({ zodSchema, jsonSchema }) => trim({ zodSchema, jsonSchema: jsonSchema as Json }),
  }).schemas;
  const schemas: Record<string, unknown> = {};
  const visit = (id: string) => {
    if (id in schemas) return;
    const { $schema: _, $id: __, ...json } = (all[id] ?? {}) as Json;
    schemas[id] = tidy(json);
    for (const ref of JSON.stringify(json).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) visit(ref[1] as string);
  };
  for (const id of [...defs].sort()) visit(id);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Key account management and incentive pay API',
      version: '1.0.0',
      description: 'Company G’s key accounts, their upkeep, and the four-tier pay of the key-account team.',
    },
    tags: [...new Set(routes.map((r) => r.tag))].sort().map((name) => ({ name })),
    // For company G's staff and their front end, not the public: each stage serves its own URL.
    servers: [{ url: '/', description: 'This deployment (local, test or production stage)', 'x-internal': true }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A signed JWT (JWS) from the identity provider, verified before any function runs: the API Gateway JWT authorizer checks signature, issuer, audience and expiry and takes no unsigned token, as RFC8725 advises.',
        },
      },
      schemas,
      parameters: {},
    },
    paths,
    webhooks: {},
  };
};
