/**
 * Phone numbers → E.164 ("+381641234567") with libphonenumber-js.
 *
 * `+381 64 123 4567`, `0641234567` (operation country RS) and
 * `00381641234567` are one phone. A national number needs the operation's
 * country; "00" is read as the international prefix everywhere (it is in all
 * countries the office works with, and no national number starts with it).
 * The "(0)" that Europeans write inside international numbers
 * ("+43 (0)664 …") is dropped. Validity is libphonenumber's (length and
 * leading digits per country, its default metadata): numbers of unknown
 * ranges are rejected rather than stored under a key nobody else will type.
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";
import { normaliseCountry, textField } from "./fields";
import { fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const phoneInput = z.object({ number: textField(64) });
export type PhoneInput = z.infer<typeof phoneInput>;

export function normalise(input: PhoneInput, ctx: NormaliseContext = {}): NormaliseResult {
  let text = input.number.trim().replace(/^tel:/i, "");
  text = text.replace(/\(0\)/g, "");
  const compact = text.replace(/[\s().\-/\u00a0]/g, "");
  if (!/^\+?\d+$/.test(compact)) return fail("phone_invalid_characters");
  const international = compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  const country = normaliseCountry(ctx.defaultCountry) as CountryCode | undefined;
  if (!international.startsWith("+") && !country) return fail("phone_country_required");
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(international, country);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !parsed.isValid()) return fail("phone_invalid");
  return ok(parsed.number, parsed.formatInternational());
}
