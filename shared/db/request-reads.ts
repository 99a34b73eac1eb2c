import { AsyncLocalStorage } from 'node:async_hooks';
import { built } from '#shared/built.ts';

/**
 * One request's reads under way (shared/http/chain.ts runs each request in its own scope): a
 * second read of the same key in the same request, started meanwhile, shares the first one's
 * answer — e.g. a caller reading their own staff record while it is read as the caller
 * (shared/http/authenticate.ts). Never across requests: another request may have written since.
 */
export const requestReads = /* @__PURE__ */ built(() => new AsyncLocalStorage<Map<string, Promise<Record<string, unknown> | undefined>>>());
