/**
 * Structured logs through Lambda's own JSON log format (each function's logging config,
 * infra/route-function.ts: format JSON, application level INFO). Lambda writes each console
 * call as one JSON line `{ timestamp, level, requestId, message }` and drops the levels
 * below the function's own; a single object logged stays an object, so
 * `logger.warn('Request failed', { status })` is queryable as `message.msg` and
 * `message.status`. The platform does the formatting and the level filter: a route carries
 * no logging library (Powertools' Logger was 18 KB of every bundle, issue 15).
 *
 * Outside Lambda (tests, `npm start`) the same calls print through Node's console, and
 * LOG_LEVEL (DEBUG, INFO, WARN, ERROR or SILENT; INFO unless set) drops the levels below it.
 */
import { optionalSetting } from '#shared/config.ts';

type Fields = Readonly<Record<string, unknown>>;
type Level = 'debug' | 'info' | 'warn' | 'error';

const rank: Readonly<Record<string, number>> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3, SILENT: 4 };
const levelRank: Readonly<Record<Level, number>> = { debug: 0, info: 1, warn: 2, error: 3 };
/** LOG_LEVEL outside Lambda: unset means INFO; a value it does not know stops the process at start-up, naming it. */
const localThreshold = (): number => {
  const setting = optionalSetting('LOG_LEVEL');
  if (setting === undefined) return levelRank.info;
  const known = rank[setting.toUpperCase()];
  if (known === undefined) throw new Error(`LOG_LEVEL must be one of ${Object.keys(rank).join(', ')}, not "${setting}"`);
  return known;
};
// In Lambda the runtime filters (AWS_LAMBDA_LOG_LEVEL is its own setting, given by the platform); elsewhere LOG_LEVEL does.
const threshold = optionalSetting('AWS_LAMBDA_LOG_LEVEL') === undefined ? localThreshold() : levelRank.debug;

/** An Error as JSON keeps nothing (its fields are not enumerable): name, message, stack and cause instead. */
const plain = (value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack, ...(value.cause === undefined ? {} : { cause: plain(value.cause) }) } : value;

/** The object one call logs: Lambda writes it as the line's `message`. */
export const lineOf = (msg: string, fields: Fields = {}): Record<string, unknown> => {
  const line: Record<string, unknown> = { msg, service: 'kam-api' };
  for (const [key, value] of Object.entries(fields)) line[key] = plain(value);
  return line;
};

const write = (level: Level, msg: string, fields?: Fields): void => {
  if (levelRank[level] >= threshold) console[level](lineOf(msg, fields));
};

export const logger = {
  debug: (msg: string, fields?: Fields) => write('debug', msg, fields),
  info: (msg: string, fields?: Fields) => write('info', msg, fields),
  warn: (msg: string, fields?: Fields) => write('warn', msg, fields),
  error: (msg: string, fields?: Fields) => write('error', msg, fields),
};
