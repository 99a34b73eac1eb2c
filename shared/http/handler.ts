import { authenticate } from '#shared/http/authenticate.ts';
import { type Reply, type RouteInput, routeChain } from '#shared/http/chain.ts';
import { idempotency } from '#shared/http/idempotency.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import type { Role } from '#shared/schemas/common.ts';

export type { Reply, RouteInput } from '#shared/http/chain.ts';

/**
 * A route that takes a token: the caller is read from their staff record before the
 * input, and a POST honours `Idempotency-Key`. Public routes use `publicRoute`
 * (shared/http/public-handler.ts), whose bundle reads neither the table nor a token.
 */
export const httpRoute = <const R extends RouteDefinition & { readonly auth: { readonly roles: readonly Role[] } }>(
  route: R,
  handle: (input: RouteInput<R>) => Promise<Reply>,
) => routeChain(route, handle, { auth: authenticate(route), ...(route.method === 'POST' ? { after: idempotency(route) } : {}) });
