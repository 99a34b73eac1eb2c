import type { Language } from '#shared/domain/pay/explain.ts';

/** The request headers this API reads, bounded like every other input (and so stated in the OpenAPI document). */

/** If-Match: an ETag this API gave out, e.g. `"3"` (weak or unquoted forms are accepted too). */
export const etagPattern = /^(?:W\/)?"?(\d{1,15})"?$/;

/** An Idempotency-Key is visible ASCII (a UUID or a ULID fits). */
export const idempotencyKeyMaxLength = 255;
export const idempotencyKeyPattern = /^[\x21-\x7E]{1,255}$/;

/** Accept-Language: at most this long (longer is read as no preference). */
export const acceptLanguageMaxLength = 200;

/** The language an `Accept-Language` header asks for: Chinese when its most wanted tag (by q) is zh; English otherwise. */
export const preferredLanguage = (header: string | undefined): Language => {
  if (header === undefined || header.length > acceptLanguageMaxLength) return 'en';
  const wanted = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t) => t.q > 0 && /^(zh|en)\b/.test(t.tag))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return wanted[0]?.tag.startsWith('zh') === true ? 'zh' : 'en';
};
