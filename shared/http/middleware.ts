import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type { Caller } from '#shared/domain/staff.ts';
import { BadRequest, type FieldError, fieldError } from '#shared/errors.ts';
import { problemResponse, toHttpError } from '#shared/http/problem.ts';
import { idempotencyKeyMaxLength, idempotencyKeyPattern } from '#shared/http/headers.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { logger } from '#shared/logger.ts';
import { countOne, metricNames } from '#shared/metrics.ts';
import { languageOf, msg } from '#shared/messages/index.ts';
import { issueMessage } from '#shared/messages/zod.ts';
import * as M from '#shared/messages/catalogue.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** What the middleware chain learns about a request before the handler runs. */
export interface RouteState {
  caller?: Caller;
  /** This request's own read of the caller, when the handler started with an earlier one (shared/http/authenticate.ts). */
  callerCheck?: Promise<Caller>;
  params?: unknown;
  query?: unknown;
  body?: unknown;
  ifMatch?: number;
}
export type RouteContext = Context & { route?: RouteState };

/** The request's route state, made on first use (the Lambda runtime's context has none). */
export const routeState = (context: RouteContext): RouteState => (context.route ??= {});
export type Middleware = MiddlewareObj<HttpEvent, HttpResult, Error, RouteContext>;

/** The statuses at which a rule refused the request (403, 409, 422): counted by rule, its problem slug. */
const refusalStatuses = new Set([403, 409, 422]);

/** Registered first so that its onError runs last: every error leaves as problem+json (and a refusal is counted). */
export const problemDetails = (): Middleware => ({
  onError: async (request) => {
    // A request that failed while its caller was still being read answers as the caller read says first.
    const check = request.context.route?.callerCheck;
    if (check !== undefined) await check.catch((error: unknown) => void (request.error = error as Error));
    const known = toHttpError(request.error);
    if (known === undefined) {
      logger.error('Unhandled error', { error: request.error });
    } else if (known.status >= 500) {
      logger.warn('Request failed', { status: known.status, error: request.error });
    } else if (refusalStatuses.has(known.status)) {
      countOne(metricNames.refusals, { rule: known.slug });
    }
    // The language is the request's; everything else about the problem is the same in both.
    request.response = problemResponse(known, languageOf(request.event.headers?.['accept-language']));
  },
});

/**
 * A field that is absent: zod 4 reports a wrong type, value or union whose input (kept by
 * `reportInput`) is undefined; "expected string, received undefined" says "required".
 */
const missingCodes = new Set(['invalid_type', 'invalid_value', 'invalid_union']);
const isMissing = (issue: z.core.$ZodIssue): boolean => missingCodes.has(issue.code) && issue.input === undefined;

const issuesOf = (prefix: string, error: z.core.$ZodError): FieldError[] =>
  error.issues.map((issue) => {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [prefix, ...issue.path.map(String)].join('.');
    return unknownKeys.length > 0
      ? fieldError(`${path}.${unknownKeys.join(',')}`, msg(M.field_unknown, { keys: unknownKeys }))
      : fieldError(path, isMissing(issue) ? msg(M.field_required) : issueMessage(issue));
  });

/** How a route that takes a body reads it (shared/http/body.ts); a GET's chain has none, and its bundle no body code. */
export type BodyReader = (route: RouteDefinition, event: HttpEvent) => unknown;

/** Strict zod validation of path, query and body (read by `readBody`); every bad field is named in one 400. */
export const validate = (route: RouteDefinition, readBody?: BodyReader): Middleware => ({
  before: (request) => {
    const { event } = request;
    const parts = [
      ['params', route.params, event.pathParameters ?? {}],
      ['query', route.query, event.queryStringParameters ?? {}],
      ['body', route.body, route.body === undefined || readBody === undefined ? undefined : readBody(route, event)],
    ] as const;
    const errors: FieldError[] = [];
    const key = event.headers['idempotency-key'];
    if (key !== undefined && !idempotencyKeyPattern.test(key)) {
      errors.push(fieldError('headers.idempotency-key', msg(M.field_idempotencyKey, { max: idempotencyKeyMaxLength })));
    }
    for (const [name, schema, raw] of parts) {
      if (schema === undefined) continue;
      const result = z.safeParse(schema, raw, { reportInput: true });
      if (result.success) routeState(request.context)[name] = result.data;
      else errors.push(...issuesOf(name, result.error));
    }
    if (errors.length > 0) throw new BadRequest(msg(M.validation_fieldsInvalid, { count: errors.length }), errors);
  },
});


