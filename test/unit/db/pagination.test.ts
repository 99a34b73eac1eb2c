import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '#shared/db/pagination.ts';
import { BadRequest } from '#shared/errors.ts';

describe('cursors', () => {
  it('round-trip a LastEvaluatedKey and say null at the end of the list', () => {
    const key = { pk: 'ROLE#sales_manager', sk: 'STAFF#01J', gsi1pk: '部门' };
    expect(decodeCursor('q1', encodeCursor('q1', key) ?? undefined)).toEqual(key);
    expect(encodeCursor('q1', undefined)).toBeNull();
    expect(decodeCursor('q1', undefined)).toBeUndefined();
  });

  it('refuse a cursor from another list, or one this API did not give out, with a 400 on query.cursor', () => {
    const other = encodeCursor('q2', { pk: 'x', sk: 'y' }) ?? '';
    for (const bad of [other, '%%%', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"q":"q1","k":{"pk":{"S":1}}}').toString('base64url')]) {
      expect(() => decodeCursor('q1', bad)).toThrow(BadRequest);
    }
  });
});
