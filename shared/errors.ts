/** Typed domain errors. Each carries its HTTP status; one middleware turns them into problem+json. */
import { type Lang, type Message, type ProblemSlug, msg, titleOf, verbatim } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/**
 * A bad field. `message` is the English text (logs, tests, back-compat); `said` is the
 * catalogue message it came from, rendered per request. `said` is not enumerable so that a
 * field error still equals and serialises as the plain `{ path, message }` it always was.
 */
export interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly said?: Message;
}

export const fieldError = (path: string, said: Message): FieldError =>
  Object.defineProperty({ path, message: said.text('en') }, 'said', { value: said, enumerable: false });

/** The field error's message in `lang` (a plain one, made elsewhere, stays as written). */
export const fieldText = (error: FieldError, lang: Lang): string => error.said?.text(lang) ?? error.message;

const problemBase = 'https://kam.example.com/problems/';

/** Accepted for compatibility (tests, callers being converted); the code itself passes catalogue messages. */
type Detail = Message | string;
const said = (detail: Detail): Message => (typeof detail === 'string' ? verbatim(detail) : detail);

export class HttpError extends Error {
  /** The detail as a catalogue message; `message` keeps its English text. */
  readonly said: Message;

  constructor(
    readonly status: number,
    /** Short slug, expanded into the problem `type` URI; its title comes from the catalogue. */
    readonly slug: ProblemSlug,
    detail: Detail,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    const message = said(detail);
    super(message.text('en'));
    this.said = message;
    this.name = new.target.name;
  }

  get type(): string {
    return `${problemBase}${this.slug}`;
  }

  get title(): string {
    return titleOf(this.slug).text('en');
  }
}

export class BadRequest extends HttpError {
  constructor(detail: Detail, errors: FieldError[] = [], slug: ProblemSlug = 'validation-error') {
    super(400, slug, detail, errors);
  }
}

/** A cursor this list did not give out, or one changed since (shared/db/pagination.ts). */
export class InvalidCursor extends BadRequest {
  constructor() {
    super(msg(M.cursor_invalid), [fieldError('query.cursor', msg(M.field_cursorInvalid))], 'invalid-cursor');
  }
}

export class Unauthorized extends HttpError {
  constructor(detail: Detail = msg(M.auth_tokenRequired)) {
    super(401, 'unauthorized', detail, [], { 'www-authenticate': 'Bearer' });
  }
}

export class Forbidden extends HttpError {
  constructor(detail: Detail, slug: ProblemSlug = 'forbidden') {
    super(403, slug, detail);
  }
}

export class NotFound extends HttpError {
  constructor(detail: Detail) {
    super(404, 'not-found', detail);
  }
}

export class Conflict extends HttpError {
  constructor(detail: Detail, slug: ProblemSlug = 'conflict') {
    super(409, slug, detail);
  }
}

export class PreconditionFailed extends HttpError {
  constructor(detail: Detail = msg(M.precondition_stale)) {
    super(412, 'stale-version', detail);
  }
}

/** A business rule broken; `rule` names it in the problem type. */
export class RuleViolation extends HttpError {
  constructor(rule: ProblemSlug, detail: Detail, errors: FieldError[] = []) {
    super(422, rule, detail, errors);
  }
}

/** A body that is not declared as JSON: the API takes JSON bodies only. */
export class UnsupportedMediaType extends HttpError {
  constructor(received: string | undefined) {
    super(
      415,
      'unsupported-media-type',
      received === undefined ? msg(M.body_notJsonTypeNone) : msg(M.body_notJsonType, { received: received.slice(0, 100) }),
      [fieldError('headers.content-type', msg(M.field_mustBeJson))],
    );
  }
}

export class PreconditionRequired extends HttpError {
  constructor() {
    super(428, 'if-match-required', msg(M.precondition_ifMatchRequired));
  }
}

export class ServiceUnavailable extends HttpError {
  constructor(detail: Detail, retryAfterSeconds: number) {
    super(503, 'service-unavailable', detail, [], {
      'retry-after': String(retryAfterSeconds),
    });
  }
}
