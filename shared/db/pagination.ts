import * as z from 'zod';
import { BadRequest } from '#shared/errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Key = Record<string, string | number>;
const CursorSchema = z.strictObject({
  q: z.string(),
  k: z.record(z.string(), z.union([z.string(), z.number()])),
});

/**
 * A cursor is the opaque, URL-safe form of DynamoDB's LastEvaluatedKey, bound to the
 * query it came from (`query` names index and partition), so a cursor from one list
 * cannot be replayed against another.
 */
export const encodeCursor = (query: string, key: Record<string, unknown> | undefined): string | null =>
  key === undefined ? null : Buffer.from(JSON.stringify({ q: query, k: key })).toString('base64url');

export const decodeCursor = (query: string, cursor: string | undefined): Key | undefined => {
  if (cursor === undefined) return undefined;
  try {
    const decoded = CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (decoded.q === query) return decoded.k;
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequest('The cursor is not one this list gave out', [{ path: 'query.cursor', message: 'not a valid cursor for this list' }]);
};
