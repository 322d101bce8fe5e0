/**
 * What every normaliser returns. `value` is the canonical matching key: two
 * registrations hit each other when their values (or alternate keys) are
 * equal, so everything that does not distinguish one real-world identifier
 * from another (spacing, case, prefixes, script) is removed from it.
 * `display` is the tidy form shown back to the officer who entered it.
 *
 * Error codes are short snake_case strings; the UI shows them through the
 * i18n key "deconfliction:errors.<code>" (errorKey()), the same keys the zod
 * schemas use as messages.
 */
export interface NormaliseContext {
  /** ISO 3166-1 alpha-2 country of the operation, for national formats. */
  defaultCountry?: string;
}

export type NormaliseOk = {
  ok: true;
  value: string;
  display: string;
  /** further keys the same identifier can be found under (e.g. a company's registration number) */
  alternateKeys?: string[];
  /** accepted, but worth showing the officer (e.g. "vin_check_digit_mismatch") */
  flags?: string[];
};
export type NormaliseFail = { ok: false; code: string };
export type NormaliseResult = NormaliseOk | NormaliseFail;

export const ERROR_KEY_PREFIX = "deconfliction:errors.";

export function errorKey(code: string): string {
  return `${ERROR_KEY_PREFIX}${code}`;
}

export function ok(value: string, display: string, extra: Omit<NormaliseOk, "ok" | "value" | "display"> = {}): NormaliseOk {
  const out: NormaliseOk = { ok: true, value, display };
  if (extra.alternateKeys && extra.alternateKeys.length > 0) out.alternateKeys = extra.alternateKeys;
  if (extra.flags && extra.flags.length > 0) out.flags = extra.flags;
  return out;
}

export function fail(code: string): NormaliseFail {
  return { ok: false, code };
}
