import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { requiredSetting } from '#shared/config.ts';
import { InvalidCursor } from '#shared/errors.ts';
import { built } from '#shared/built.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Key = Record<string, string | number>;
const CursorSchema = /* @__PURE__ */ built(() => z.strictObject({
  q: z.string(),
  k: z.record(z.string(), z.union([z.string(), z.number()])),
}));

/** The deployment's secret for signing cursors (shared/config.ts): at least 32 characters. */
const cursorKey = /* @__PURE__ */ built(() => Buffer.from(requiredSetting('CURSOR_KEY', 32), 'utf8'));

const signatureOf = (payload: string): Buffer => createHmac('sha256', cursorKey).update(payload).digest();

/**
 * A cursor is the opaque, URL-safe form of DynamoDB's LastEvaluatedKey, bound to the
 * query it came from (`query` names index, key condition, filter and values), and signed:
 * `<payload>.<HMAC-SHA256 of payload>`, both base64url. A key the API did not give out
 * (one edited, emptied, pointed at another partition) would reach DynamoDB and fail there;
 * the signature refuses it first, and `q` refuses a cursor from another list.
 */
export const encodeCursor = (query: string, key: Record<string, unknown> | undefined): string | null => {
  if (key === undefined) return null;
  const payload = Buffer.from(JSON.stringify({ q: query, k: key })).toString('base64url');
  return `${payload}.${signatureOf(payload).toString('base64url')}`;
};

const verified = (cursor: string): string | undefined => {
  const [payload, signature, ...rest] = cursor.split('.');
  if (payload === undefined || signature === undefined || rest.length > 0) return undefined;
  const expected = signatureOf(payload);
  const given = Buffer.from(signature, 'base64url');
  // Equal lengths first (timingSafeEqual requires them); the comparison itself takes constant time.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  // base64url decoding ignores stray characters: only the canonical spelling is the one signed.
  if (given.toString('base64url') !== signature) return undefined;
  return Buffer.from(payload, 'base64url').toString('utf8');
};

/** The key to start after, or 400 `invalid-cursor` (query.cursor) before anything is read. */
export const decodeCursor = (query: string, cursor: string | undefined): Key | undefined => {
  if (cursor === undefined) return undefined;
  const text = verified(cursor);
  if (text !== undefined) {
    try {
      const decoded = CursorSchema.parse(JSON.parse(text));
      if (decoded.q === query) return decoded.k;
    } catch {
      // fall through to the 400 below
    }
  }
  throw new InvalidCursor();
};
