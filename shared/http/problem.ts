import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Conflict, fieldError, fieldText, HttpError, RuleViolation, ServiceUnavailable } from '#shared/errors.ts';
import { type Lang, languageTag, msg, titleOf } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

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
      return new ServiceUnavailable(msg(M.db_busy), 1);
    }
    if (e.name === 'TransactionConflictException' || e.CancellationReasons?.some((r) => r.Code === 'TransactionConflict')) {
      return new Conflict(msg(M.db_transactionConflict), 'transaction-conflict');
    }
    if (e.CancellationReasons?.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded')) {
      return new ServiceUnavailable(msg(M.db_busy), 1);
    }
    if (e.name === 'ValidationException' && e instanceof Error && /item size has exceeded/i.test(e.message)) {
      return new RuleViolation('too-large', msg(M.db_tooLarge));
    }
    if (e.name === 'IdempotencyValidationError') {
      return new RuleViolation('idempotency-key-reused', msg(M.idempotency_reused), [fieldError('headers.idempotency-key', msg(M.field_idempotencyKeyUsed))]);
    }
    if (e.name === 'IdempotencyAlreadyInProgressError') {
      return new Conflict(msg(M.idempotency_inProgress), 'idempotency-in-progress');
    }
  }
  return undefined;
};

const genericError = new HttpError(500, 'internal-error', msg(M.internal_error));

/** The problem in the caller's language: title, detail and field messages; type and paths never change. */
export const problemResponse = (error: HttpError = genericError, lang: Lang = 'en'): APIGatewayProxyStructuredResultV2 => ({
  statusCode: error.status,
  headers: { 'content-type': 'application/problem+json', 'content-language': languageTag[lang], vary: 'Accept-Language', ...error.headers },
  body: JSON.stringify({
    type: error.type,
    title: titleOf(error.slug).text(lang),
    status: error.status,
    detail: error.said.text(lang),
    ...(error.errors.length > 0 ? { errors: error.errors.map((e) => ({ path: e.path, message: fieldText(e, lang) })) } : {}),
  }),
});
