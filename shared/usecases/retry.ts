import { Conflict, PreconditionFailed } from '#shared/errors.ts';
import { type Message, msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/**
 * A POST that changes a versioned record needs no If-Match: it re-reads and tries again
 * when a concurrent write got there first (412 inside), so nothing is lost; after three
 * tries it tells the caller to retry (409).
 */
export const withRetry = async <T>(what: Message, attempt: () => Promise<T>): Promise<T> => {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof PreconditionFailed)) throw error;
      if (tries === 3) throw new Conflict(msg(M.concurrent_retry, { what }), 'concurrent-change');
    }
  }
};
