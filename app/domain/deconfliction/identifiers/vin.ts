/**
 * Vehicle identification number (ISO 3779): 17 characters, digits and
 * capital letters without I, O and Q. Separators and spaces are dropped and
 * letters upper-cased; the key is the 17 characters.
 *
 * Check digit (position 9, 49 CFR 565): mandatory for vehicles made for North
 * America (first character 1–5), so a mismatch there is a typo and is
 * rejected. European and most other manufacturers are not bound by it and
 * often put another character there, so elsewhere a mismatch is accepted and
 * flagged "vin_check_digit_mismatch" for the officer to double-check.
 * Letters I, O, Q are rejected rather than guessed as 1/0/0: the officer must
 * re-read the plate on the vehicle. Pre-1981 short VINs are out of scope.
 */
import { z } from "zod";
import { textField } from "./fields";
import { fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const vinInput = z.object({ vin: textField(40) });
export type VinInput = z.infer<typeof vinInput>;

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const LETTER_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};

export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    const v = /\d/.test(ch) ? Number(ch) : LETTER_VALUES[ch] ?? 0;
    sum += v * WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? "X" : String(r);
}

export function normalise(input: VinInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const vin = input.vin.replace(/[\s\-.]/g, "").toUpperCase();
  if (vin.length !== 17) return fail("vin_length");
  if (/[IOQ]/.test(vin)) return fail("vin_letters_ioq");
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return fail("vin_invalid_characters");
  const flags: string[] = [];
  if (vinCheckDigit(vin) !== vin[8]) {
    if (/^[1-5]/.test(vin)) return fail("vin_check_digit");
    flags.push("vin_check_digit_mismatch");
  }
  return ok(vin, vin, { flags });
}
