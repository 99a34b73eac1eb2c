import { requiredSetting } from '#shared/config.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { type Caller, hasAnyRole } from '#shared/domain/staff.ts';
import { Forbidden, Unauthorized } from '#shared/errors.ts';
import { type Middleware, routeState } from '#shared/http/middleware.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import type { Role } from '#shared/schemas/common.ts';
import { msg } from '#shared/messages/index.ts';

/** The JWT claim that carries the caller's staff id (`sub` locally, `username` with Cognito). */
export const staffIdClaim = requiredSetting('STAFF_ID_CLAIM');

/**
 * Who is calling: the JWT (already verified by the API Gateway authorizer, or the local
 * gateway) names a staff record; roles come from that record, so a departed or demoted
 * person loses access at once.
 */
export const authenticate = (route: RouteDefinition & { readonly auth: { readonly roles: readonly Role[] } }): Middleware => ({
  before: async (request) => {
    const claims = request.event.requestContext.authorizer?.jwt?.claims ?? {};
    const staffId = claims[staffIdClaim];
    if (typeof staffId !== 'string' || staffId === '') throw new Unauthorized();
    const staff = await getStaffById(staffId);
    // api.md: a valid signature over a staff id that does not exist is a bad token (401).
    if (staff === undefined) throw new Unauthorized(msg('auth.noStaffRecord'));
    if (staff.status === 'departed') {
      throw new Forbidden(msg('auth.departed', { leftOn: staff.leftOn }), 'staff-departed');
    }
    const caller: Caller = { id: staff.id, roles: staff.roles, department: staff.department };
    if (route.auth.roles.length > 0 && !hasAnyRole(caller, route.auth.roles)) {
      throw new Forbidden(msg('auth.needsRole', { roles: route.auth.roles }), 'role-not-allowed');
    }
    routeState(request.context).caller = caller;
  },
});

