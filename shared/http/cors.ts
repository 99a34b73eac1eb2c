/**
 * CORS as a deploy setting: the one policy the HTTP API (infra/stateless-stack.ts) and the
 * local gateway (scripts/local/gateway.ts) both apply. Only the allowed origins vary.
 */
import type { Method } from '#shared/http/route.ts';

/** What a front end sends: the token, JSON, optimistic locking, safe retries, its language. */
export const corsAllowHeaders = ['authorization', 'content-type', 'if-match', 'idempotency-key', 'accept-language'] as const;
/** What a front end must read: the version to send back in If-Match, and a new resource's path. */
export const corsExposeHeaders = ['etag', 'location'] as const;
export const corsMaxAgeSeconds = 3600;

/** The methods the catalogue uses, in a fixed order. */
export const corsMethods = (routes: readonly { readonly method: Method }[]): Method[] =>
  (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((method) => routes.some((route) => route.method === method));

/** Local mode's default: a dev server on any port of this machine. Never a deploy default. */
export const localCorsOrigins = ['http://localhost:*', 'http://127.0.0.1:*'] as const;

const exactOrigin = /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;
const localOrigin = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/**
 * The `corsOrigins` CDK context: a comma-separated string (`-c corsOrigins=https://a.example,https://b.example`)
 * or a list (cdk.json). Unset or empty: no CORS at all (same-origin callers only). Each
 * entry must be an exact origin: https, or http on localhost; no `*`, path or trailing slash.
 */
export const parseCorsOrigins = (value: unknown): string[] => {
  if (value === undefined || value === null || value === '') return [];
  const entries = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (entries === undefined) throw new Error(`corsOrigins must be a comma-separated string or a list of origins, not ${JSON.stringify(value)}`);
  const origins = entries.map((entry) => (typeof entry === 'string' ? entry.trim() : entry));
  const bad = origins.filter((origin) => typeof origin !== 'string' || !(exactOrigin.test(origin) || localOrigin.test(origin)));
  if (bad.length > 0) {
    throw new Error(
      `corsOrigins: ${bad.map((origin) => JSON.stringify(origin)).join(', ')} is not an exact origin such as https://app.example.com ` +
        '(https, or http on localhost; lower case; no "*", path or trailing slash)',
    );
  }
  return [...new Set(origins as string[])];
};

/** HTTP API's matching: an exact origin, or a `*` standing for any run of characters. */
export const originAllowed = (allowed: readonly string[], origin: string): boolean =>
  allowed.some((entry) => entry === origin || (entry.includes('*') && globOf(entry).test(origin)));

const globOf = (entry: string) => new RegExp(`^${entry.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
