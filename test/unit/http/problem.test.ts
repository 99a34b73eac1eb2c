import { describe, expect, it } from 'vitest';
import { NotFound } from '#shared/errors.ts';
import { toHttpError } from '#shared/http/problem.ts';

const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });

describe('mapping errors to problems', () => {
  it('passes typed domain errors through unchanged', () => {
    const error = new NotFound('No staff member X');
    expect(toHttpError(error)).toBe(error);
  });

  it('turns DynamoDB throttling, even wrapped as a cause, into 503 with Retry-After', () => {
    for (const error of [named('ThrottlingException'), named('ProvisionedThroughputExceededException'), new Error('wrapped', { cause: named('RequestLimitExceeded') })]) {
      const mapped = toHttpError(error);
      expect(mapped?.status).toBe(503);
      expect(mapped?.headers['retry-after']).toBe('1');
    }
    expect(toHttpError(named('TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }] }))?.status).toBe(503);
  });

  it('turns a transaction conflict into a retryable 409', () => {
    expect(toHttpError(named('TransactionConflictException'))?.status).toBe(409);
    expect(toHttpError(named('TransactionCanceledException', { CancellationReasons: [{ Code: 'TransactionConflict' }] }))?.status).toBe(409);
  });

  it('turns a reused Idempotency-Key into 422 and one still in flight into 409', () => {
    expect(toHttpError(named('IdempotencyValidationError'))).toMatchObject({ status: 422, slug: 'idempotency-key-reused' });
    expect(toHttpError(named('IdempotencyAlreadyInProgressError'))?.status).toBe(409);
  });

  it('turns a record too large to store into a 422, not a 500', () => {
    const tooLarge = Object.assign(new Error('Item size has exceeded the maximum allowed size'), { name: 'ValidationException' });
    expect(toHttpError(tooLarge)).toMatchObject({ status: 422, slug: 'too-large' });
    expect(toHttpError(Object.assign(new Error('One or more parameter values were invalid'), { name: 'ValidationException' }))).toBeUndefined();
  });

  it('leaves anything else to the generic 500', () => {
    expect(toHttpError(new TypeError('x is undefined'))).toBeUndefined();
  });
});
