import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeCursor, encodeCursor } from '#shared/db/pagination.ts';
import { BadRequest, InvalidCursor } from '#shared/errors.ts';

const key = { pk: 'ROLE#sales_manager', sk: 'STAFF#01J', gsi1pk: '部门' };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The cursor's payload changed, its signature kept: what a caller who edits a cursor sends. */
const doctor = (cursor: string, change: (payload: { q: string; k: Record<string, unknown> }) => unknown) => {
  const [payload, signature] = cursor.split('.');
  return `${b64(change(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))))}.${signature}`;
};

describe('cursors', () => {
  it('round-trip a LastEvaluatedKey and say null at the end of the list', () => {
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

  it('refuse a doctored cursor as invalid-cursor: key emptied, attribute dropped, pk elsewhere, signature stripped, changed or forged', () => {
    const real = encodeCursor('q1', key) ?? '';
    const [payload, signature = ''] = real.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    const forged = (value: unknown) => {
      const body = b64(value);
      return `${body}.${createHmac('sha256', 'a key that is not the deployment’s own, 32+ chars').update(body).digest('base64url')}`;
    };
    const doctored = {
      emptied: doctor(real, (p) => ({ ...p, k: {} })),
      dropped: doctor(real, (p) => ({ ...p, k: { pk: p.k.pk, sk: p.k.sk } })),
      elsewhere: doctor(real, (p) => ({ ...p, k: { ...p.k, pk: 'STAFF#someone-else' } })),
      requeried: doctor(real, (p) => ({ ...p, q: 'q2' })),
      unsigned: payload ?? '',
      signatureOnly: `.${signature}`,
      emptySignature: `${payload}.`,
      altered: `${payload}.${flipped}`,
      truncated: `${payload}.${signature.slice(0, 20)}`,
      extraPart: `${real}.x`,
      forged: forged({ q: 'q1', k: key }),
      otherList: encodeCursor('q2', key) ?? '',
    };
    for (const [name, bad] of Object.entries(doctored)) {
      let thrown: unknown;
      try {
        decodeCursor('q1', bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, name).toBeInstanceOf(InvalidCursor);
      expect(thrown, name).toMatchObject({ status: 400, type: expect.stringMatching(/\/invalid-cursor$/), errors: [{ path: 'query.cursor', message: expect.any(String) }] });
    }
    // The genuine one still reads on: each refusal above is the doctoring, not the cursor.
    expect(decodeCursor('q1', real)).toEqual(key);
  });

  describe('their key', () => {
    afterEach(() => vi.unstubAllEnvs());
    it('is required when the module loads: none, or a short one, stops the function at once', async () => {
      for (const value of ['', 'too-short']) {
        vi.stubEnv('CURSOR_KEY', value);
        vi.resetModules();
        await expect(import('#shared/db/pagination.ts'), value).rejects.toThrow(/CURSOR_KEY/);
      }
    });
  });
});
