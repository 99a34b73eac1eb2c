import { authenticate } from '#shared/http/authenticate.ts';
import { readJsonBody, requireIfMatch } from '#shared/http/body.ts';
import { type Reply, type RouteInput, routeChain } from '#shared/http/chain.ts';
import type { TokenRoute } from '#shared/http/handler.ts';

export type { Reply, RouteInput } from '#shared/http/chain.ts';

/** A PATCH, PUT or DELETE that takes a token: as `httpRoute` (shared/http/handler.ts), and it reads a JSON body and If-Match. */
export const changeRoute = <const R extends TokenRoute & { readonly method: 'PATCH' | 'PUT' | 'DELETE' }>(route: R, handle: (input: RouteInput<R>) => Promise<Reply>) =>
  routeChain(route, handle, { auth: authenticate(route), readBody: readJsonBody, ifMatch: requireIfMatch(route) });
