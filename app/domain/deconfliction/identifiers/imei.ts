/**
 * IMEI → the 14-digit IMEI body (TAC + serial number) as the matching key.
 *
 * Decision: the key leaves out the check digit, so the three forms an officer
 * meets are one handset:
 *  - 15 digits with a valid Luhn check digit (the label, *#06#);
 *  - 14 digits without check digit (some forensic and operator exports):
 *    the check digit is computed for display;
 *  - 16 digits, IMEISV (TAC + serial + 2-digit software version, as in
 *    network records): the software version changes with updates, so only its
 *    14-digit prefix is kept and the key equals the handset's IMEI.
 * A 15-digit value whose check digit is wrong is rejected (a typo) unless the
 * last digit is 0: 3GPP signalling carries the IMEI as 14 digits plus a spare
 * digit sent as 0, so call records show such values. They are accepted with
 * the flag "imei_check_digit_zero".
 * All-same-digit values and a zero TAC are placeholders, not handsets.
 */
import { z } from "zod";
import { textField } from "./fields";
import { luhnCheckDigit, luhnValid } from "./luhn";
import { fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const imeiInput = z.object({ imei: textField(40) });
export type ImeiInput = z.infer<typeof imeiInput>;

export function normalise(input: ImeiInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const digits = input.imei.replace(/[\s\-./]/g, "");
  if (!/^\d+$/.test(digits)) return fail("imei_not_digits");
  const flags: string[] = [];
  let body: string;
  if (digits.length === 14) {
    body = digits;
  } else if (digits.length === 15) {
    body = digits.slice(0, 14);
    if (!luhnValid(digits)) {
      if (digits.endsWith("0")) flags.push("imei_check_digit_zero");
      else return fail("imei_check_digit");
    }
  } else if (digits.length === 16) {
    body = digits.slice(0, 14);
    flags.push("imei_from_imeisv");
  } else {
    return fail("imei_length");
  }
  if (/^(\d)\1+$/.test(body) || body.startsWith("00000000")) return fail("imei_placeholder");
  const full = body + String(luhnCheckDigit(body));
  return ok(body, full, { flags });
}
