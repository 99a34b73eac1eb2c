/** Typed domain errors. Each carries its HTTP status; one middleware turns them into problem+json. */
export interface FieldError {
  path: string;
  message: string;
}

const problemBase = 'https://kam.example.com/problems/';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Short slug, expanded into the problem `type` URI. */
    readonly slug: string,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }

  get type(): string {
    return `${problemBase}${this.slug}`;
  }
}

export class BadRequest extends HttpError {
  constructor(detail: string, errors: FieldError[] = [], slug = 'validation-error') {
    super(400, slug, 'Your request is not valid', detail, errors);
  }
}

/** A cursor this list did not give out, or one changed since (shared/db/pagination.ts). */
export class InvalidCursor extends BadRequest {
  constructor() {
    super('The cursor is not one this list gave out', [{ path: 'query.cursor', message: 'not a valid cursor for this list' }], 'invalid-cursor');
  }
}

export class Unauthorized extends HttpError {
  constructor(detail = 'A valid bearer token is required') {
    super(401, 'unauthorized', 'Unauthorized', detail, [], { 'www-authenticate': 'Bearer' });
  }
}

export class Forbidden extends HttpError {
  constructor(detail: string, slug = 'forbidden', title = 'Forbidden') {
    super(403, slug, title, detail);
  }
}

export class NotFound extends HttpError {
  constructor(detail: string) {
    super(404, 'not-found', 'Not found', detail);
  }
}

export class Conflict extends HttpError {
  constructor(detail: string, slug = 'conflict', title = 'Conflict') {
    super(409, slug, title, detail);
  }
}

export class PreconditionFailed extends HttpError {
  constructor(detail = 'The resource has changed since you read it; read it again and retry') {
    super(412, 'stale-version', 'Precondition failed', detail);
  }
}

/** A business rule broken; `rule` names it in the problem type. */
export class RuleViolation extends HttpError {
  constructor(rule: string, detail: string, errors: FieldError[] = []) {
    super(422, rule, 'A business rule was broken', detail, errors);
  }
}

/** A body that is not declared as JSON: the API takes JSON bodies only. */
export class UnsupportedMediaType extends HttpError {
  constructor(received: string | undefined) {
    super(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `Send the body as JSON with Content-Type: application/json${received === undefined ? ' (none was sent)' : `, not ${received.slice(0, 100)}`}`,
      [{ path: 'headers.content-type', message: 'must be application/json' }],
    );
  }
}

export class PreconditionRequired extends HttpError {
  constructor() {
    super(428, 'if-match-required', 'Precondition required', 'Send If-Match with the ETag you read');
  }
}

export class ServiceUnavailable extends HttpError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(503, 'service-unavailable', 'Service unavailable', detail, [], {
      'retry-after': String(retryAfterSeconds),
    });
  }
}
