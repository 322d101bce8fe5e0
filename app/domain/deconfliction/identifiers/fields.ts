/** Shared zod fields of the identifier schemas. */
import { z } from "zod";
import { errorKey } from "./result";

/** ISO 3166-1 alpha-2, plus XK (Kosovo), which EU and Western Balkan authorities use. */
const ISO_COUNTRIES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW " +
    "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI " +
    "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN " +
    "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME " +
    "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
    "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE " +
    "YT ZA ZM ZW XK"
  ).split(" "),
);

/**
 * Codes officers type that are not ISO: the EU writes Greece "EL" and the
 * United Kingdom "UK". They are read as GR and GB so keys agree.
 */
const ALIASES: Record<string, string> = { EL: "GR", UK: "GB" };

/** Upper-cased ISO alpha-2 code, or undefined when it is not one. */
export function normaliseCountry(input: string | undefined | null): string | undefined {
  if (!input) return undefined;
  const code = input.trim().toUpperCase();
  const iso = ALIASES[code] ?? code;
  return ISO_COUNTRIES.has(iso) ? iso : undefined;
}

export function isCountryCode(input: string): boolean {
  return normaliseCountry(input) !== undefined;
}

/** zod field for a country code; the output is the ISO code. */
export const countrySchema = z
  .string({ required_error: errorKey("required"), invalid_type_error: errorKey("country_invalid") })
  .trim()
  .min(1, errorKey("required"))
  .refine((v) => isCountryCode(v), errorKey("country_invalid"))
  .transform((v) => normaliseCountry(v)!);

/** A required, trimmed, bounded text field. */
export function textField(max: number) {
  return z
    .string({ required_error: errorKey("required"), invalid_type_error: errorKey("required") })
    .trim()
    .min(1, errorKey("required"))
    .max(max, errorKey("too_long"));
}
