import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '#shared/db/pagination.ts';
import { BadRequest } from '#shared/errors.ts';

describe('cursors', () => {
  it('round-trip a LastEvaluatedKey and say null at the end of the list', () => {
    const key = { pk: 'ROLE#sales_manager', sk: 'STAFF#01J', gsi1pk: '部门' };
    expect(decodeCursor(encodeCursor(key) ?? undefined)).toEqual(key);
    expect(encodeCursor(undefined)).toBeNull();
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('refuse a cursor this API did not give out with a 400 on query.cursor', () => {
    for (const bad of ['%%%', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"pk":{"S":1}}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(BadRequest);
    }
  });
});
