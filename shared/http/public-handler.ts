import { readJsonBody, requireIfMatch } from '#shared/http/body.ts';
import { type Reply, type RouteInput, routeChain } from '#shared/http/chain.ts';
import type { RouteDefinition } from '#shared/http/route.ts';

/**
 * A public route (no token): errors, input and replies as on every route, but no caller,
 * so its function is given no table, no cursor key and no token claim (shared/config.ts).
 */
export const publicRoute = <const R extends RouteDefinition & { readonly auth: 'public' }>(
  route: R,
  handle: (input: RouteInput<R>) => Promise<Reply>,
) => routeChain(route, handle, { readBody: readJsonBody, ifMatch: requireIfMatch(route) });
