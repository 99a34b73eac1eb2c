/** zod's issues as catalogue messages: the same English zod writes, and Chinese, from the issue's own numbers. */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { type Message, msg, schemaMessage } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * zod's own wording helpers (zod/v4/core/util.js), as zod writes them: taken from zod's util
 * namespace they kept all of it (13 KB) in every route.
 */
const stringifyPrimitive = (value: unknown): string =>
  typeof value === 'bigint' ? `${value.toString()}n` : typeof value === 'string' ? `"${value}"` : `${String(value)}`;
const joinValues = (values: readonly unknown[], separator = '|'): string => values.map(stringifyPrimitive).join(separator);
const parsedType = (data: unknown): string => {
  const t = typeof data;
  if (t === 'number') return Number.isNaN(data) ? 'nan' : 'number';
  if (t === 'object') {
    if (data === null) return 'null';
    if (Array.isArray(data)) return 'array';
    const obj = data as { constructor?: { name: string } };
    if (Object.getPrototypeOf(obj) !== Object.prototype && 'constructor' in obj && obj.constructor) return obj.constructor.name;
  }
  return t;
};

// zod/mini loads no language: zod's English wording is the one the catalogue matches (classic zod loads the same).
z.config(en());

const typeName = (type: string, input?: unknown): string =>
  type === 'number' && typeof input === 'number' && !Number.isFinite(input) ? String(input) : type === 'nan' ? 'NaN' : type;

const relation = (issue: { exact?: boolean; inclusive?: boolean }) => (issue.exact === true ? 'exactly' : issue.inclusive === true ? 'inclusive' : 'exclusive');

/** The catalogue message for zod's own wording of an issue. */
const byCode = (issue: z.core.$ZodIssue): Message => {
  switch (issue.code) {
    case 'invalid_type':
      return msg(M.zod_invalid_type, { expected: typeName(issue.expected), received: typeName(parsedType(issue.input), issue.input) });
    case 'invalid_value':
      return issue.values.length === 1
        ? msg(M.zod_invalid_value, { value: stringifyPrimitive(issue.values[0]) })
        : msg(M.zod_invalid_option, { values: joinValues(issue.values, '|') });
    case 'too_big':
      return msg(M.zod_too_big, { origin: issue.origin, relation: relation(issue), limit: issue.maximum.toString() });
    case 'too_small':
      return msg(M.zod_too_small, { origin: issue.origin, relation: relation(issue), limit: issue.minimum.toString() });
    case 'invalid_format':
      if (issue.format === 'starts_with' && 'prefix' in issue) return msg(M.zod_invalid_format_starts_with, { prefix: String(issue.prefix) });
      if (issue.format === 'ends_with' && 'suffix' in issue) return msg(M.zod_invalid_format_ends_with, { suffix: String(issue.suffix) });
      if (issue.format === 'includes' && 'includes' in issue) return msg(M.zod_invalid_format_includes, { includes: String(issue.includes) });
      if (issue.format === 'regex') return msg(M.zod_invalid_format_regex, { pattern: String(issue.pattern) });
      return msg(M.zod_invalid_format, { format: issue.format });
    case 'not_multiple_of':
      return msg(M.zod_not_multiple_of, { divisor: String(issue.divisor) });
    case 'unrecognized_keys':
      return msg(M.zod_unrecognized_keys, { count: issue.keys.length, list: joinValues(issue.keys, ', ') });
    case 'invalid_key':
      return msg(M.zod_invalid_key, { origin: issue.origin });
    case 'invalid_element':
      return msg(M.zod_invalid_element, { origin: issue.origin });
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
      if (options.length > 0) return msg(M.zod_invalid_union_options, { options: options.map((o) => `'${String(o)}'`).join(' | ') });
      return 'inclusive' in issue && issue.inclusive === false ? msg(M.zod_invalid_union_many) : msg(M.zod_invalid);
    }
    default:
      return msg(M.zod_invalid);
  }
};

/**
 * The message of an issue: one a schema builder said (in the issue's params, or by its
 * fixed text), else zod's own wording by code. A message that is neither (a schema that
 * bypassed the catalogue) keeps its text, marked as unlisted.
 */
export const issueMessage = (issue: z.core.$ZodIssue): Message => {
  const said = issue.code === 'custom' ? (issue.params as { said?: Message } | undefined)?.said : undefined;
  if (said !== undefined) return said;
  const known = schemaMessage(issue.message);
  if (known !== undefined) return known;
  const own = byCode(issue);
  return own.text('en') === issue.message ? own : msg(M.zod_unlisted, { text: issue.message });
};
