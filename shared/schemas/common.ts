/*
 * Schemas are written for zod/mini (tree-shakable: a route carries the zod it uses; the
 * OpenAPI document is zod's own z.toJSONSchema of the same schemas, shared/openapi.ts).
 * To convert a schema file written for classic zod:
 *   1. `import * as z from 'zod/mini'`; types: z.ZodType → z.core.$ZodType, z.infer stays.
 *   2. Wrappers become functions: x.optional() → z.optional(x), .nullable() → z.nullable(x), .default(v) → z._default(x, v), .extend(s) → z.extend(x, s), .pipe(y) → z.pipe(x, y).
 *   3. Checks go in one .check(…): .min/.max → z.minLength/z.maxLength (strings, arrays) or z.minimum/z.maximum (numbers); .regex, .trim(), .int(), .length, .refine, .superRefine → z.regex(…), z.trim(), z.int(), z.length(…), z.refine(…), z.superRefine(…).
 *   4. .meta({...}) → .register(z.globalRegistry, {...}) (also for `{ id }`, which names the OpenAPI component). Not .check(z.meta(…)): that check is copied into every clone (z.extend …), so the id would name two schemas.
 *   5. x.parse(v) / x.safeParse(v) stay (or z.parse(x, v) when x is typed z.core.$ZodType); .strict() → z.strictObject(…).
 *   6. A top-level schema built from nested calls is written `/* @__PURE__ *\/ built(() => …)` (shared/built.ts), so a route that never reads it leaves it, and its messages, out of its bundle.
 */
import * as z from 'zod/mini';
import { msg, saying, schemaText } from '#shared/messages/index.ts';
import { issueMessage } from '#shared/messages/zod.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

export const roles = [
  'leadership',
  'coordinator',
  'contact_leader',
  'sales_manager',
  'department_staff',
  'finance',
] as const;
export const Role = /* @__PURE__ */ z.enum(roles);
export type Role = z.infer<typeof Role>;

/*
 * Text. Single-line text refuses C0 controls (U+0000–U+001F), DEL (U+007F) and lone
 * surrogates; multi-line text allows line feed and tab but nothing else of those (not
 * `\r`: clients send `\n` line ends, so stored text has one convention). The patterns are
 * written without the `u` flag, pairing surrogates by hand, so they mean the same in the
 * OpenAPI document (ECMA-262 with or without unicode mode) as in zod.
 */
const pair = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
export const linePattern = /* @__PURE__ */ built(() => new RegExp(`^(?:[^\\u0000-\\u001F\\u007F\\uD800-\\uDFFF]|${pair})*$`));
export const textPattern = /* @__PURE__ */ built(() => new RegExp(`^(?:[^\\u0000-\\u0008\\u000B-\\u001F\\u007F\\uD800-\\uDFFF]|${pair})*$`));
export const lineMessage = /* @__PURE__ */ built(() => schemaText(msg(M.field_oneLine)));
const textMessage = /* @__PURE__ */ built(() => schemaText(msg(M.field_text)));
const notBlank = /* @__PURE__ */ built(() => schemaText(msg(M.field_notBlank)));

/** Single-line input (a name, a title): trimmed, not blank, at most `max` UTF-16 units. */
export const Line = (max: number) => z.string().check(z.trim(), z.minLength(1, notBlank), z.maxLength(max), z.regex(linePattern, lineMessage));
/** Multi-line input (notes, summaries, minutes): trimmed, not blank; `\n` and `\t` allowed. */
export const Text = (max: number) => z.string().check(z.trim(), z.minLength(1, notBlank), z.maxLength(max), z.regex(textPattern, textMessage));
/** Multi-line input kept exactly as written (indentation matters), but never blank. */
export const RawText = (max: number) =>
  z.string().check(z.maxLength(max), z.regex(textPattern, textMessage), z.refine((s) => /\S/.test(s), notBlank));

/** What a response holds: the same alphabet as the input it came from, with its cap. */
export const LineOut = (max: number) => z.string().check(z.maxLength(max), z.regex(linePattern));
export const TextOut = (max: number) => z.string().check(z.maxLength(max), z.regex(textPattern));

/** A server-made instant (`new Date().toISOString()`). */
export const Timestamp = /* @__PURE__ */ built(() => z.iso.datetime({ offset: true }).check(z.maxLength(40)));

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused). Fixed-form strings state their length in the document only, so a bad one gets one message. */
export const IsoDate = /* @__PURE__ */ built(() => z.iso.date({ error: schemaText(msg(M.field_date)) }).register(z.globalRegistry, { maxLength: 10 }));

/** An e-mail address (where Cognito sends the sign-in invitation): trimmed, one `@`, a dotted domain. */
export const Email = /* @__PURE__ */ built(() => z
  .string()
  .check(z.trim(), z.maxLength(254), z.regex(/^[^\s@"<>()[\]\\,;:]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, schemaText(msg(M.field_email))))
  .register(z.globalRegistry, { format: 'email', minLength: 3 }));
export const EmailOut = /* @__PURE__ */ built(() => z.string().check(z.maxLength(254)).register(z.globalRegistry, { format: 'email' }));

/** Server-made ids are ULIDs; the bootstrap staff member is `admin`. */
export const Id = /* @__PURE__ */ built(() => z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, schemaText(msg(M.field_id)))).register(z.globalRegistry, { minLength: 1, maxLength: 64 }));

/** A month `YYYY-MM`. */
export const Month = /* @__PURE__ */ built(() => z.string().register(z.globalRegistry, { maxLength: 7 }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, schemaText(msg(M.field_month)))));
/** A pay period: a quarter `YYYY-Qn` or a year `YYYY` (pay.md, "Numbers"). */
export const periodPattern = /^\d{4}(-Q[1-4])?$/;
export const PayPeriod = /* @__PURE__ */ built(() => z.string().check(z.regex(periodPattern, schemaText(msg(M.field_periodShapes, { shapes: ['YYYY-Qn', 'YYYY'] })))).register(z.globalRegistry, { maxLength: 7 }));
/** A pay period or a month (compliance is also counted per month). */
export const PeriodOrMonth = /* @__PURE__ */ built(() => z
  .string().check(z.regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, schemaText(msg(M.field_periodOrMonth)))).register(z.globalRegistry, { maxLength: 7 }));

/*
 * Numbers. Integers carry their own range and an OpenAPI format; JSON numbers that are not
 * safe integers (9007199254740993 parses to …992) fall outside every range here.
 */
const int32 = 2_147_483_647;
export const Int = (min: number, max: number) =>
  z.number().check(z.int(), z.minimum(min), z.maximum(max)).register(z.globalRegistry, { format: min >= -int32 - 1 && max <= int32 ? 'int32' : 'int64' });
/** A count or size the server computed. */
export const Count = /* @__PURE__ */ Int(0, Number.MAX_SAFE_INTEGER);
/** Integer fen, never negative. */
export const Fen = /* @__PURE__ */ Int(0, Number.MAX_SAFE_INTEGER);
/** A signed sum of fen (a difference may be negative). */
export const SignedFen = /* @__PURE__ */ Int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
export const Version = /* @__PURE__ */ Int(1, Number.MAX_SAFE_INTEGER);
/** A year in a path or query. */
export const Year = /* @__PURE__ */ built(() => z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100)).register(z.globalRegistry, { format: 'int32' }));
export const YearOut = /* @__PURE__ */ Int(2000, 2100);

/**
 * Decimal places of a finite number as JSON writes it (its shortest round-trip form):
 * 0.07 → 2, 1e-300 → 300, 1.5e-7 → 8.
 */
export const decimalPlaces = (value: number): number => {
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
};

/**
 * A decimal JSON number with its range and at most `places` decimal places. DynamoDB keeps
 * 38 significant digits between 1E-130 and 9.99E+125, so a bounded range and few places
 * always fit; 1e-300 or 1e308 never reach it.
 */
export const Decimal = (min: number, max: number, places: number) =>
  z
    .number().check(z.minimum(min), z.maximum(max), z.refine((v) => Number.isFinite(v) && decimalPlaces(v) <= places, saying(msg(M.field_decimalPlaces, { places })))).register(z.globalRegistry, { description: `At most ${places} decimal places` });

/** A score 0–100 with at most 2 decimal places (training, certification, peer scores). */
export const Score = /* @__PURE__ */ Decimal(0, 100, 2);

/*
 * Free-form objects (a report's key figures): keys are letters, digits, space, `_ . - % ( ) /`,
 * 1–64 long, never `__proto__`, `constructor` or `prototype`. JSON.parse keeps a `__proto__`
 * key as an own property but a zod record drops it silently, so the raw keys are checked
 * here, together with the values, and every bad one is named in the one 400.
 */
export const recordKeyPattern = /^(?!(?:__proto__|constructor|prototype)$)[\p{L}\p{N}_ .%()/-]{1,64}$/u;
const keyMessage = /* @__PURE__ */ msg(M.field_recordKey);
/** What the OpenAPI document shows for a schema that checks more than it can say (shared/openapi.ts). */
export const documentedAs = /* @__PURE__ */ built(() => new WeakMap<z.core.$ZodType, z.core.$ZodType>());
export const BoundedRecord = <V extends z.core.$ZodType>(value: V, maxKeys: number) => {
  const record = z.record(z.string().register(z.globalRegistry, { maxLength: 64, pattern: recordKeyPattern.source }), value).register(z.globalRegistry, { maxProperties: maxKeys });
  const checked = z.pipe(
    z.unknown().check(
      z.superRefine((raw, ctx) => {
        if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
          const keys = Object.keys(raw);
          for (const key of keys) if (!recordKeyPattern.test(key)) ctx.addIssue({ code: 'custom', path: [key], ...saying(keyMessage), input: key });
          if (keys.length > maxKeys) ctx.addIssue({ code: 'custom', ...saying(msg(M.field_maxKeys, { max: maxKeys })), input: raw });
        }
        const parsed = record.safeParse(raw, { reportInput: true }); // the input names the received type in the message
        if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, ...saying(issueMessage(issue)), input: raw });
      }),
    ),
    record,
  );
  documentedAs.set(checked, record);
  return checked;
};

/** Cursors are opaque URL-safe text this API gave out. */
export const Cursor = /* @__PURE__ */ built(() => z.string().check(z.minLength(1), z.maxLength(2048), z.regex(/^[A-Za-z0-9_.~-]+$/, schemaText(msg(M.field_cursor)))));

/** Page sizes: at most 200 items a page. */
export const maxPage = 200;
export const PageQuery = /* @__PURE__ */ built(() => ({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(maxPage)), 50).register(z.globalRegistry, { format: 'int32' }),
  cursor: z.optional(Cursor),
}));

export const page = <T extends z.core.$ZodType>(item: T) => z.object({ items: z.array(item).check(z.maxLength(maxPage)), nextCursor: z.nullable(Cursor) });

export const Problem = /* @__PURE__ */ built(() => z
  .object({
    type: z.string().check(z.maxLength(64), z.regex(/^[a-z0-9-]+$/)),
    title: LineOut(200),
    status: Int(400, 599),
    detail: TextOut(5000),
    errors: z.optional(z.array(z.object({ path: LineOut(2000), message: TextOut(2000) })).check(z.maxLength(1000))),
  }).register(z.globalRegistry, { id: 'Problem' }));
