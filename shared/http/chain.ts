import middy from '@middy/core';
import type * as z from 'zod/mini';
import type { AuditContext } from '#shared/db/audit.ts';
import { type Caller, sameCaller } from '#shared/domain/staff.ts';
import { requestReads } from '#shared/db/request-reads.ts';
import { type BodyReader, type HttpEvent, type Middleware, type HttpResult, type RouteContext, problemDetails, routeState, validate } from '#shared/http/middleware.ts';
import { type RouteDefinition, writesNothing } from '#shared/http/route.ts';
import { preferredLanguage } from '#shared/http/headers.ts';
import type { Language } from '#shared/domain/pay/explain.ts';

type Parsed<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

/** What a handler gets: validated input and, on authenticated routes, the caller. */
export interface RouteInput<R extends RouteDefinition> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  caller: R['auth'] extends 'public' ? undefined : Caller;
  /** The version named by If-Match, on routes that require it. */
  ifMatch: R['ifMatch'] extends 'required' ? number : R['ifMatch'] extends 'when-exists' ? number | undefined : undefined;
  /** Who and when, for the audit record of any write. */
  audit: AuditContext;
  /** The language the request's Accept-Language prefers (explanation lines). */
  language: Language;
}

/** What a handler returns: the body, and for a 201 the path of the new resource. */
export interface Reply {
  body: unknown;
  location?: string;
  /** A PUT that created its resource answers 201 instead of the route's 200. */
  created?: boolean;
  /** A body that is not JSON (the CSV export), sent as given with its content type. */
  contentType?: string;
  /** More headers for such a body (cache and security headers of the docs page). */
  headers?: Readonly<Record<string, string>>;
}

const versionOf = (body: unknown): number | undefined => {
  if (typeof body === 'object' && body !== null && 'version' in body && typeof body.version === 'number') {
    return body.version;
  }
  return undefined;
};

const toResult = (route: RouteDefinition, reply: Reply): HttpResult => {
  if (reply.contentType !== undefined && typeof reply.body === 'string') {
    return { statusCode: route.response.status, headers: { ...reply.headers, 'content-type': reply.contentType }, body: reply.body };
  }
  const version = versionOf(reply.body);
  return {
    statusCode: reply.created === true ? 201 : route.response.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(version === undefined ? {} : { etag: `"${version}"` }),
      ...(reply.location === undefined ? {} : { location: reply.location }),
    },
    body: JSON.stringify(reply.body),
  };
};

/**
 * Wraps a route's domain call in the shared middleware chain. The order matters:
 * errors → caller (`auth`, on routes that take a token) → input (the body read by
 * `readBody`, on routes that change something) → If-Match → `after` (idempotency) → handler.
 */
export const routeChain = <const R extends RouteDefinition>(
  route: R,
  handle: (input: RouteInput<R>) => Promise<Reply>,
  extra: { auth?: Middleware; readBody?: BodyReader; ifMatch?: Middleware; after?: Middleware } = {},
) => {
  if (extra.readBody === undefined && (route.body !== undefined || route.ifMatch !== undefined)) {
    throw new Error(`${route.id} takes a body or If-Match: its handler must read them (changeRoute, idempotentRoute or publicRoute)`);
  }
  const chain = middy<HttpEvent, HttpResult, Error, RouteContext>().use(problemDetails());
  if (extra.auth !== undefined) chain.use(extra.auth);
  chain.use(validate(route, extra.readBody));
  if (extra.ifMatch !== undefined) chain.use(extra.ifMatch);
  if (extra.after !== undefined) chain.use(extra.after);
  const handler = chain.handler(async (event, context) => {
    const state = routeState(context);
    const at = new Date().toISOString();
    const inputFor = (caller: Caller | undefined) =>
      ({
        params: state.params,
        query: state.query,
        body: state.body,
        caller,
        ifMatch: state.ifMatch,
        audit: { actorId: caller?.id ?? 'anonymous', requestId: event.requestContext.requestId, at },
        language: preferredLanguage(event.headers['accept-language']),
      }) as RouteInput<R>; // the middleware validated each part against this route's schemas
    const check = state.callerCheck;
    if (check === undefined) return toResult(route, await handle(inputFor(state.caller)));
    // A read begun with the caller's earlier reading (shared/http/authenticate.ts): decide by this request's own.
    const guess = state.caller as Caller;
    const [reply, fresh] = await Promise.allSettled([handle(inputFor(guess)), check]);
    if (fresh.status === 'rejected') throw fresh.reason;
    state.caller = fresh.value;
    if (!sameCaller(guess, fresh.value)) return toResult(route, await handle(inputFor(fresh.value)));
    if (reply.status === 'rejected') throw reply.reason;
    return toResult(route, reply.value);
  });
  // Each request in its own scope of reads (shared/db/entity.ts `get`); one that writes nothing keeps what it has read.
  const keepSettled = writesNothing(route);
  return (event: HttpEvent, context: RouteContext) => requestReads.run({ reads: new Map(), keepSettled }, () => handler(event, context));
};
