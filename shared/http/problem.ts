import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Conflict, HttpError, RuleViolation, ServiceUnavailable } from '#shared/errors.ts';

/** DynamoDB's "slow down" errors: retried by the SDK; if they outlast its retries the caller gets 503. */
const throttlingNames = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

interface NamedError {
  name: string;
  cause?: unknown;
  CancellationReasons?: { Code?: string }[];
}

const causes = function* (error: unknown): Generator<NamedError> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    yield current as NamedError;
    current = (current as NamedError).cause;
  }
};

/** Maps a thrown error to the HttpError the caller sees, or undefined for a genuine 500. */
export const toHttpError = (error: unknown): HttpError | undefined => {
  for (const e of causes(error)) {
    if (e instanceof HttpError) return e;
    if (throttlingNames.has(e.name)) {
      return new ServiceUnavailable('The database is busy; nothing was changed. Retry after a moment.', 1);
    }
    if (e.name === 'TransactionConflictException' || e.CancellationReasons?.some((r) => r.Code === 'TransactionConflict')) {
      return new Conflict('Another change to the same records was in progress; nothing was changed. Retry.', 'transaction-conflict');
    }
    if (e.CancellationReasons?.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded')) {
      return new ServiceUnavailable('The database is busy; nothing was changed. Retry after a moment.', 1);
    }
    if (e.name === 'ValidationException' && e instanceof Error && /item size has exceeded/i.test(e.message)) {
      return new RuleViolation('too-large', 'What you sent makes the record larger than can be stored; send less text');
    }
    if (e.name === 'IdempotencyValidationError') {
      return new RuleViolation(
        'idempotency-key-reused',
        'This Idempotency-Key was already used with a different request body; use a new key for a new request',
        [{ path: 'headers.idempotency-key', message: 'already used for another request' }],
      );
    }
    if (e.name === 'IdempotencyAlreadyInProgressError') {
      return new Conflict('A request with this Idempotency-Key is still being processed; retry shortly', 'idempotency-in-progress');
    }
  }
  return undefined;
};

const genericError = new HttpError(500, 'internal-error', 'Internal server error', 'Something went wrong on our side; it has been logged');

export const problemResponse = (error: HttpError = genericError): APIGatewayProxyStructuredResultV2 => ({
  statusCode: error.status,
  headers: { 'content-type': 'application/problem+json', ...error.headers },
  body: JSON.stringify({
    type: error.type,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
  }),
});
