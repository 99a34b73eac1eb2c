import { authenticate } from '#shared/http/authenticate.ts';
import { readJsonBody, requireIfMatch } from '#shared/http/body.ts';
import { type Reply, type RouteInput, routeChain } from '#shared/http/chain.ts';
import type { TokenRoute } from '#shared/http/handler.ts';
import { idempotency } from '#shared/http/idempotency.ts';

export type { Reply, RouteInput } from '#shared/http/chain.ts';

/**
 * A POST that takes a token: as `httpRoute` (shared/http/handler.ts), and it honours
 * `Idempotency-Key` (shared/http/idempotency.ts). Kept apart so that only the bundles of
 * these routes carry Powertools' idempotency utility.
 */
export const idempotentRoute = <const R extends TokenRoute & { readonly method: 'POST' }>(route: R, handle: (input: RouteInput<R>) => Promise<Reply>) =>
  routeChain(route, handle, { auth: authenticate(route), readBody: readJsonBody, ifMatch: requireIfMatch(route), after: idempotency(route) });
