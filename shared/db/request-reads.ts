import { AsyncLocalStorage } from 'node:async_hooks';
import { built } from '#shared/built.ts';

/** One request's reads (shared/db/entity.ts `get`), by key. */
export interface RequestReads {
  readonly reads: Map<string, Promise<Record<string, unknown> | undefined>>;
  /**
   * Whether a read that has come back is kept for the rest of the request: only on a request
   * that writes nothing, which has no write of its own that a later read should see (a write
   * retried after a conflict must read afresh).
   */
  readonly keepSettled: boolean;
}

/**
 * One request's reads (shared/http/chain.ts runs each request in its own scope): a second
 * read of the same key in the same request shares the first one's answer while it is under
 * way, and on a request that writes nothing also after it came back — e.g. a caller reading
 * their own staff record, read first as the caller (shared/http/authenticate.ts). Never
 * across requests: another request may have written since.
 */
export const requestReads = /* @__PURE__ */ built(() => new AsyncLocalStorage<RequestReads>());
