import * as z from 'zod';
import { BadRequest } from '#shared/errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Key = Record<string, string | number>;
const KeySchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A cursor is the opaque, URL-safe form of DynamoDB's LastEvaluatedKey. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key === undefined ? null : Buffer.from(JSON.stringify(key)).toString('base64url');

export const decodeCursor = (cursor: string | undefined): Key | undefined => {
  if (cursor === undefined) return undefined;
  try {
    return KeySchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadRequest('The cursor is not one this API gave out', [
      { path: 'query.cursor', message: 'not a valid cursor' },
    ]);
  }
};
