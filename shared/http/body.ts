import { BadRequest, fieldError, PreconditionFailed, PreconditionRequired, UnsupportedMediaType } from '#shared/errors.ts';
import { etagPattern } from '#shared/http/headers.ts';
import { type HttpEvent, type Middleware, routeState } from '#shared/http/middleware.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * What only routes that change something read: a JSON body and If-Match. Kept apart from
 * shared/http/middleware.ts so that a GET's bundle carries neither (shared/http/handler.ts).
 */

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

/** The body of a route that takes one: its JSON, or `{}` for an optional body left out. */
export const readJsonBody = (route: RouteDefinition, event: HttpEvent): unknown => (omitted(route, event) ? {} : parseJsonBody(event));

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
