import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type { Caller } from '#shared/domain/staff.ts';
import {
  BadRequest,
  type FieldError,
  fieldError,
  PreconditionFailed,
  PreconditionRequired,
  UnsupportedMediaType,
} from '#shared/errors.ts';
import { problemResponse, toHttpError } from '#shared/http/problem.ts';
import { etagPattern, idempotencyKeyMaxLength, idempotencyKeyPattern } from '#shared/http/headers.ts';
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
  before: (request) => {
    logger.appendKeys({ requestId: request.event.requestContext.requestId });
  },
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

/** application/json or a JSON-based type (application/problem+json …), any parameters. */
const jsonMediaType = /^application\/(?:[a-z0-9!#$&^_.-]+\+)?json\s*(?:;.*)?$/i;

const parseJsonBody = (event: HttpEvent): unknown => {
  if (event.body === undefined || event.body === '') {
    throw new BadRequest(msg(M.body_required), [fieldError('body', msg(M.field_required))]);
  }
  // JSON bodies only: text/plain (a "simple" cross-site request) or no type at all is 415.
  const contentType = event.headers['content-type'];
  if (contentType === undefined || !jsonMediaType.test(contentType.trim())) throw new UnsupportedMediaType(contentType);
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest(msg(M.body_notJson), [fieldError('body', msg(M.field_notJson))]);
  }
};

/** An optional body left out: nothing sent and no content type (an empty body typed as JSON is still a 400). */
const omitted = (route: RouteDefinition, event: HttpEvent): boolean =>
  route.bodyOptional === true && (event.body === undefined || event.body === '') && event.headers['content-type'] === undefined;

/** Strict zod validation of path, query and body; every bad field is named in one 400. */
export const validate = (route: RouteDefinition): Middleware => ({
  before: (request) => {
    const { event } = request;
    const parts = [
      ['params', route.params, event.pathParameters ?? {}],
      ['query', route.query, event.queryStringParameters ?? {}],
      ['body', route.body, route.body === undefined ? undefined : omitted(route, event) ? {} : parseJsonBody(event)],
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


/** PATCH/PUT of an existing resource must say which version it changes (428 / 412). */
export const requireIfMatch = (route: RouteDefinition): Middleware => ({
  before: (request) => {
    if (route.ifMatch === undefined) return;
    const header = request.event.headers['if-match'];
    if (header === undefined || header.trim() === '') {
      if (route.ifMatch === 'required') throw new PreconditionRequired();
      return;
    }
    const match = etagPattern.exec(header.trim());
    if (match?.[1] === undefined) throw new PreconditionFailed(msg(M.precondition_badEtag));
    routeState(request.context).ifMatch = Number(match[1]);
  },
});
