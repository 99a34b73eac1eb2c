import { authenticate } from '#shared/http/authenticate.ts';
import { type Reply, type RouteInput, routeChain } from '#shared/http/chain.ts';
import type { RouteDefinition } from '#shared/http/route.ts';
import type { Role } from '#shared/schemas/common.ts';

export type { Reply, RouteInput } from '#shared/http/chain.ts';

export type TokenRoute = RouteDefinition & { readonly auth: { readonly roles: readonly Role[] } };

/**
 * A GET that takes a token: the caller is read from their staff record
 * (shared/http/authenticate.ts) before the input; there is no body or If-Match to read, and
 * its bundle has no code for them. A PATCH, PUT or DELETE uses `changeRoute`
 * (shared/http/change-handler.ts); a POST honours `Idempotency-Key` and so uses
 * `idempotentRoute` (shared/http/idempotent-handler.ts): only its bundle carries the
 * idempotency machinery. Public routes use `publicRoute` (shared/http/public-handler.ts),
 * whose bundle reads neither the table nor a token.
 */
export const httpRoute = <const R extends TokenRoute & { readonly method: 'GET' }>(
  route: R,
  handle: (input: RouteInput<R>) => Promise<Reply>,
) => routeChain(route, handle, { auth: authenticate(route) });
