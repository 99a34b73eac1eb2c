/** The request headers this API reads, bounded like every other input (and so stated in the OpenAPI document). */

/** If-Match: an ETag this API gave out, e.g. `"3"` (weak or unquoted forms are accepted too). */
export const etagPattern = /^(?:W\/)?"?(\d{1,15})"?$/;

/** An Idempotency-Key is visible ASCII (a UUID or a ULID fits). */
export const idempotencyKeyMaxLength = 255;
export const idempotencyKeyPattern = /^[\x21-\x7E]{1,255}$/;
