import type * as z from 'zod/mini';

/**
 * Building blocks of the catalogue fuzz test (test/e2e/fuzz.test.ts): a walk over a
 * route's zod 4 schemas, the malformed values for each kind of field, JSON text with
 * literals JSON.stringify cannot write, and the check every answer must pass.
 */

/** JSON text sent as is: `-0`, `9007199254740993`, `1e400`, an own `__proto__` key, deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify, except that RawJson is written verbatim. */
export const toJson = (value: unknown): string => {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([key, v]) => `${JSON.stringify(key)}:${toJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

export type Kind = 'string' | 'enum' | 'number' | 'boolean' | 'array' | 'tuple' | 'object' | 'record' | 'union' | 'other';

interface Def {
  type: string;
  innerType?: ZodLike;
  in?: ZodLike;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  items?: ZodLike[];
  options?: ZodLike[];
  valueType?: ZodLike;
}
interface ZodLike {
  def: Def;
}
const defOf = (schema: z.core.$ZodType | ZodLike): Def => (schema as unknown as ZodLike).def;

/** The schema under optional/default/nullable/pipe wrappers, and whether the field may be left out. */
export const unwrap = (schema: z.core.$ZodType | ZodLike): { inner: ZodLike; required: boolean } => {
  let current = schema as unknown as ZodLike;
  let required = true;
  for (;;) {
    const def = current.def;
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'prefault') && def.innerType !== undefined) {
      required = false;
      current = def.innerType;
    } else if ((def.type === 'nullable' || def.type === 'readonly' || def.type === 'catch') && def.innerType !== undefined) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in !== undefined) {
      current = def.in;
    } else {
      return { inner: current, required };
    }
  }
};

export const kindOf = (schema: ZodLike): Kind => {
  const type = schema.def.type;
  if (type === 'string' || type === 'enum' || type === 'number' || type === 'boolean' || type === 'array' || type === 'tuple' || type === 'object' || type === 'record' || type === 'union') {
    return type;
  }
  if (type === 'literal') return 'enum';
  if (type === 'int' || type === 'bigint') return 'number';
  return 'other';
};

export const shapeOf = (schema: z.core.$ZodType | ZodLike | undefined): Record<string, ZodLike> => {
  if (schema === undefined) return {};
  const { inner } = unwrap(schema);
  return inner.def.shape ?? {};
};

export type PathPart = string | number;
export interface Field {
  path: PathPart[];
  schema: ZodLike;
  kind: Kind;
  required: boolean;
}

const valueAt = (value: unknown, path: readonly PathPart[]): unknown =>
  path.reduce<unknown>((at, part) => (typeof at === 'object' && at !== null ? (at as Record<PathPart, unknown>)[part] : undefined), value);

/**
 * Every field of an object schema, and the fields inside nested objects and the first
 * element of arrays/tuples of objects where the baseline body has one (two levels down).
 */
export const fieldsOf = (schema: z.core.$ZodType | ZodLike | undefined, baseline: unknown, prefix: PathPart[] = [], depth = 0): Field[] => {
  const fields: Field[] = [];
  for (const [name, fieldSchema] of Object.entries(shapeOf(schema))) {
    const { inner, required } = unwrap(fieldSchema);
    const path = [...prefix, name];
    const kind = kindOf(inner);
    fields.push({ path, schema: inner, kind, required });
    if (depth >= 2) continue;
    const here = valueAt(baseline, path);
    if (kind === 'object' && typeof here === 'object' && here !== null) fields.push(...fieldsOf(inner, baseline, path, depth + 1));
    const element = kind === 'array' ? inner.def.element : kind === 'tuple' ? inner.def.items?.[0] : undefined;
    if (element !== undefined && Array.isArray(here) && here.length > 0) {
      const { inner: elementInner } = unwrap(element);
      const elementKind = kindOf(elementInner);
      if (elementKind === 'object') fields.push(...fieldsOf(elementInner, baseline, [...path, 0], depth + 1));
      else fields.push({ path: [...path, 0], schema: elementInner, kind: elementKind, required: true });
    }
  }
  return fields;
};

/** A copy of `body` with the value at `path` replaced (or removed, for `undefined`). */
export const withValue = (body: unknown, path: readonly PathPart[], value: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy: Record<PathPart, unknown> = Array.isArray(body) ? [...(body as unknown[])] as unknown as Record<PathPart, unknown> : { ...(typeof body === 'object' && body !== null ? body : {}) };
  if (rest.length === 0 && value === undefined) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
  } else {
    copy[head] = withValue(copy[head], rest, value);
  }
  return copy;
};

const deep = (depth: number, leaf: string) => new RawJson(`${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`);
const deepArray = (depth: number) => new RawJson(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
const long = 'x'.repeat(10_000);

/** The strings every text input is tried with. */
export const badStrings: readonly [string, unknown][] = [
  ['empty string', ''],
  ['10,000-char string', long],
  ['NUL inside', 'a\u0000b'],
  ['U+0001 inside', 'a\u0001b'],
  ['lone surrogate', 'a\ud800b'],
];

/** The numbers every numeric input is tried with (as JSON literals). */
export const badNumbers: readonly [string, unknown][] = [
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['1e-300', 1e-300],
  ['9007199254740993', new RawJson('9007199254740993')],
  ['-0', new RawJson('-0')],
  ['0.1+0.2', 0.1 + 0.2],
  ['1e400 (Infinity)', new RawJson('1e400')],
  ['NaN as string', 'NaN'],
];

/** Malformed values for one field of a JSON body, by the field's kind. */
export const fieldVariants = (field: Field, baselineValue: unknown): [string, unknown][] => {
  const variants: [string, unknown][] = [['null', null]];
  // Inside a nested object the parent's variants already cover its shape; here only its values.
  if (field.required && field.path.length === 1) variants.push(['missing', undefined]);
  switch (field.kind) {
    case 'string':
      variants.push(['number instead of string', 12345], ['object instead of string', { a: 1 }], ...badStrings);
      break;
    case 'enum':
      variants.push(['number instead of enum', 1], ['unknown option', 'not-an-option'], ['option with NUL', `${String(baselineValue ?? 'x')}\u0000`]);
      break;
    case 'number':
      variants.push(['string instead of number', '1'], ['array instead of number', [1]], ...badNumbers);
      break;
    case 'boolean':
      variants.push(['string instead of boolean', 'true'], ['number instead of boolean', 1], ['object instead of boolean', {}]);
      break;
    case 'array':
    case 'tuple': {
      const element = Array.isArray(baselineValue) && baselineValue.length > 0 ? baselineValue[0] : 'x';
      variants.push(
        ['string instead of array', 'x'],
        ['object instead of array', { 0: element }],
        ['1000 items', Array.from({ length: 1000 }, () => element)],
        ['[null]', [null]],
        ['nested 200 deep', deepArray(200)],
      );
      break;
    }
    case 'object':
      variants.push(
        ['string instead of object', 'x'],
        ['array instead of object', []],
        ['nested 200 deep', deep(200, '1')],
        ['__proto__ key', new RawJson('{"__proto__":{"polluted":true}}')],
        ['constructor key', { constructor: { prototype: 1 } }],
      );
      break;
    case 'record':
      variants.push(
        ['string instead of record', 'x'],
        ['array instead of record', [1, 2]],
        ['nested 200 deep', deep(200, '1')],
        ['__proto__ key', new RawJson('{"__proto__":1}')],
        ['constructor key', { constructor: 1 }],
        ['key with NUL', { 'a\u0000b': 1 }],
        ['10,000-char key', { [long]: 1 }],
        ['1000 keys', Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]))],
        ['object value', { a: { b: 1 } }],
        ...badNumbers.map(([label, value]): [string, unknown] => [`value ${label}`, new RawJson(`{"a":${toJson(value)}}`)]),
        ...badStrings.slice(1).map(([label, value]): [string, unknown] => [`value ${label}`, { a: value }]),
      );
      break;
    case 'union':
    case 'other':
      variants.push(['object', { a: 1 }], ['array', [1]], ...badStrings, ...badNumbers);
      break;
  }
  return field.path.length === 1 ? variants : variants.filter(([label]) => !label.includes(' instead of '));
};

/** Malformed values for one query parameter, already URL-encoded. */
export const badParams: readonly [string, string][] = [
  ['empty', ''],
  ['10,000 chars', 'x'.repeat(10_000)],
  ['NUL (%00)', 'a%00b'],
  ['lone surrogate (%ED%A0%80)', 'a%ED%A0%80b'],
  ['9007199254740993', '9007199254740993'],
];

/** The page size parameter, besides the above. */
export const badLimits: readonly [string, string][] = [
  ['0', '0'],
  ['-1', '-1'],
  ['201', '201'],
  ['abc', 'abc'],
  ['1e3', '1e3'],
  ['2.5', '2.5'],
];

/** Path parameters are shorter on the wire (a URL line is bounded); the gateway's own 404 is fine. */
export const badPathParams: readonly [string, string][] = [
  ['empty', ''],
  ['5,000 chars', 'x'.repeat(5000)],
  ['unicode', encodeURIComponent('ünï中文😀')],
  ['NUL (%00)', 'a%00b'],
  ['lone surrogate (%ED%A0%80)', 'a%ED%A0%80b'],
  ['../', '..%2F..%2Fstaff'],
  ['no such id', 'NOSUCH0000000000000000000'],
];

/**
 * Doctored forms of a real cursor: its key part changed (emptied, an attribute dropped,
 * `pk` pointed elsewhere, a value of another type), truncated, a byte flipped, another
 * list's cursor. Works on the plain base64url-JSON form and on `payload.signature` forms.
 */
export const doctoredCursors = (cursor: string, otherList: string): [string, string][] => {
  const variants: [string, string][] = [
    ['truncated', cursor.slice(0, Math.max(1, cursor.length - 5))],
    ['a byte flipped', flip(cursor, Math.floor(cursor.length / 2))],
    ['another list’s cursor', otherList],
    ['base64url of null', Buffer.from('null').toString('base64url')],
  ];
  const [payload, ...signature] = cursor.split('.');
  const decoded = tryJson(payload ?? '');
  if (decoded === undefined) return variants;
  const encode = (value: unknown) => [Buffer.from(JSON.stringify(value)).toString('base64url'), ...signature].join('.');
  const keyName = ['k', 'key', 'lastKey'].find((name) => typeof decoded[name] === 'object' && decoded[name] !== null);
  if (keyName !== undefined) {
    const key = decoded[keyName] as Record<string, unknown>;
    const [firstAttribute] = Object.keys(key);
    const { [firstAttribute ?? '']: _dropped, ...dropped } = key;
    variants.push(
      ['key emptied', encode({ ...decoded, [keyName]: {} })],
      ['key attribute dropped', encode({ ...decoded, [keyName]: dropped })],
      ['pk pointed elsewhere', encode({ ...decoded, [keyName]: { ...key, pk: 'STAFF#admin' } })],
      ['pk of the wrong type', encode({ ...decoded, [keyName]: { ...key, pk: 12345 } })],
      ['key with an extra attribute', encode({ ...decoded, [keyName]: { ...key, zz: 'x' } })],
      ['key values emptied', encode({ ...decoded, [keyName]: Object.fromEntries(Object.keys(key).map((name) => [name, ''])) })],
    );
  }
  variants.push(['query part changed', encode({ ...decoded, q: 'other' })], ['unknown member added', encode({ ...decoded, zz: 1 })]);
  return variants;
};

const flip = (text: string, at: number) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const char = text[at] ?? 'A';
  const other = alphabet[(alphabet.indexOf(char) + 1) % alphabet.length] ?? 'A';
  return `${text.slice(0, at)}${other}${text.slice(at + 1)}`;
};

const tryJson = (base64url: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

export interface Answer {
  status: number;
  contentType: string;
  etag: string | null;
  text: string;
}

/**
 * What every answer must be: no 5xx; a 4xx is problem+json with type, title, status and
 * detail, unless it is the gateway's own 401/404 (`{"message": ...}`, as API Gateway sends).
 * Returns what is wrong, or undefined.
 */
export const problemWith = (answer: Answer): string | undefined => {
  if (answer.status >= 500) return `${answer.status}`;
  if (answer.status < 400) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `${answer.status} body not JSON`;
  }
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const gatewayOwn = (answer.status === 401 || answer.status === 404) && Object.keys(fields).length === 1 && typeof fields.message === 'string';
  if (gatewayOwn) return undefined;
  if (!answer.contentType.startsWith('application/problem+json')) return `${answer.status} content-type ${answer.contentType || '(none)'}`;
  const missing = (['type', 'title', 'detail'] as const).filter((name) => typeof fields[name] !== 'string');
  if (fields.status !== answer.status) missing.push('status' as never);
  return missing.length > 0 ? `${answer.status} problem without ${missing.join(', ')}` : undefined;
};
