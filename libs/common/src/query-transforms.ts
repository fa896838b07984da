/** class-transformer helpers for query strings and bodies, used with `@Transform(...)`. */

/** Trims strings; leaves anything else for the validators to refuse. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * A query-string integer: "12" becomes 12; anything else ("1.5", "abc", "")
 * stays as it is so that @IsInt() refuses it with a clear message.
 */
export const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value);

/** A query-string boolean: "true"/"false"; anything else stays for @IsBoolean() to refuse. */
export const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
