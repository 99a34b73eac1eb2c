import { requiredSetting } from '#shared/config.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Forbidden, Unauthorized } from '#shared/errors.ts';
import { type Middleware, routeState } from '#shared/http/middleware.ts';
import { type RouteDefinition, writesNothing } from '#shared/http/route.ts';
import type { Role } from '#shared/schemas/common.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/** The JWT claim that carries the caller's staff id (`sub` locally, `username` with Cognito). */
export const staffIdClaim = requiredSetting('STAFF_ID_CLAIM');

type TokenRoute = RouteDefinition & { readonly auth: { readonly roles: readonly Role[] } };

/** The caller as their staff record says now: 401 without a record, 403 if departed or lacking the route's roles. */
const readCaller = async (route: TokenRoute, staffId: string): Promise<Caller> => {
  const staff = await getStaffById(staffId);
  // api.md: a valid signature over a staff id that does not exist is a bad token (401).
  if (staff === undefined) throw new Unauthorized(msg(M.auth_noStaffRecord));
  if (staff.status === 'departed') {
    throw new Forbidden(msg(M.auth_departed, { leftOn: staff.leftOn }), 'staff-departed');
  }
  const caller: Caller = { id: staff.id, roles: staff.roles, department: staff.department };
  if (route.auth.roles.length > 0 && !hasAnyRole(caller, route.auth.roles)) {
    throw new Forbidden(msg(M.auth_needsRole, { roles: route.auth.roles }), 'role-not-allowed');
  }
  return caller;
};

/**
 * The callers this function has read, by staff id: never a decision, only a guess to start
 * a read with (below). Bounded; the oldest guess goes first.
 */
const lastSeen = new Map<string, Caller>();
const lastSeenLimit = 256;
const remember = (caller: Caller): void => {
  lastSeen.delete(caller.id);
  lastSeen.set(caller.id, caller);
  if (lastSeen.size > lastSeenLimit) lastSeen.delete(lastSeen.keys().next().value as string);
};


/** The callers a test has seen (a fresh function, as after a cold start). */
export const forgetCallers = (): void => lastSeen.clear();

/**
 * Who is calling: the JWT (already verified by the API Gateway authorizer, or the local
 * gateway) names a staff record; roles come from that record, read in every request, so a
 * departed or demoted person loses access at once.
 *
 * One round trip per read: on a route that writes nothing, when this function has seen the
 * caller before, the handler starts at once with that earlier reading (`guess`) while this
 * request's own read of the staff record runs beside it (`check`). The chain
 * (shared/http/chain.ts) waits for both before replying: a refusal of the fresh record wins;
 * a fresh record that decides otherwise than the guess runs the handler again with it; no
 * reply ever rests on a record older than the request. Writes read the caller first.
 */
export const authenticate = (route: TokenRoute): Middleware => ({
  before: async (request) => {
    const claims = request.event.requestContext.authorizer?.jwt?.claims ?? {};
    const staffId = claims[staffIdClaim];
    if (typeof staffId !== 'string' || staffId === '') throw new Unauthorized();
    const state = routeState(request.context);
    // Reads that write nothing may start before the caller is known.
    const guess = writesNothing(route) ? lastSeen.get(staffId) : undefined;
    const fresh = readCaller(route, staffId).then(
      (caller) => (remember(caller), caller),
      (error: unknown) => {
        lastSeen.delete(staffId);
        throw error;
      },
    );
    if (guess === undefined) {
      state.caller = await fresh;
      return;
    }
    fresh.catch(() => undefined); // awaited by the chain or by problemDetails; never left unhandled
    state.caller = guess;
    state.callerCheck = fresh;
  },
});
