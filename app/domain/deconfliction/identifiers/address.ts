/**
 * Addresses: folded free text (+ country when known) and an optional point.
 *
 * The key is deliberately modest — exact matching on a tidy form, not
 * geocoding: transliterated and folded to lower-case ASCII, the common street
 * abbreviations expanded to the local full word, house-number markers
 * dropped, punctuation collapsed:
 *   de: "Str." / "-str." → strasse ("Hauptstr. 5" = "Hauptstraße 5"), "Pl." → platz
 *   sr/mk/bs/hr: "ul." → ulica, "bul."/"bulevar" → bulevar, "br." (broj) dropped
 *   sq: "rr." → rruga
 *   el: "οδ." → odos, "λεωφ." → leoforos
 *   en: "st." at the end of a street name → street, "rd." → road, "ave." → avenue;
 *       "St." before a name is "Sankt"/"Saint" (St. Pölten) and becomes sankt
 *   everywhere: "nr." / "no." / "№" dropped; "5 a" → "5a".
 * Key: the folded text alone. The country is shown but not part of the key: it
 * is often left out, and it does not make an address without its town any
 * less ambiguous ("Hauptstraße 5" exists in hundreds of Austrian towns).
 * Latitude/longitude are checked (both or neither, in range) but are not part
 * of the key either: places are compared by distance elsewhere.
 */
import { z } from "zod";
import { toAsciiLower } from "../matching/transliterate";
import { countrySchema, textField } from "./fields";
import { errorKey, fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const addressInput = z
  .object({
    text: textField(500),
    country: countrySchema.optional(),
    lat: z.number({ invalid_type_error: errorKey("latitude_invalid") }).min(-90, errorKey("latitude_invalid")).max(90, errorKey("latitude_invalid")).optional(),
    lon: z.number({ invalid_type_error: errorKey("longitude_invalid") }).min(-180, errorKey("longitude_invalid")).max(180, errorKey("longitude_invalid")).optional(),
  })
  .refine((v) => (v.lat === undefined) === (v.lon === undefined), { message: errorKey("coordinates_incomplete"), path: ["lat"] });
export type AddressInput = z.infer<typeof addressInput>;

const ABBREVIATIONS: [RegExp, string][] = [
  [/(?<=[a-z])str\.?(?=\s|,|$|\d)/g, "strasse "], // Hauptstr. → hauptstrasse
  [/\bstr\.(?=\s|,|$|\d)/g, " strasse "],
  [/\bpl\./g, " platz "],
  [/\bul\./g, " ulica "],
  [/\bbul\.|\bblvd\.?(?=\s|,|$)|\bbulevard\b|\bbulevardi\b/g, " bulevar "],
  [/\brr\./g, " rruga "],
  [/\bod\./g, " odos "],
  [/\bleof\./g, " leoforos "],
  [/\brd\./g, " road "],
  [/\bave\./g, " avenue "],
  [/^\s*st\.\s*(?=[a-z])/g, " sankt "],
  [/\bst\.(?=\s*(,|$|\d))/g, " street "],
  [/\bst\.\s*(?=[a-z])/g, " sankt "],
  [/\b(nr|no|br)\.\s*(?=\d)/g, " "],
  [/№/g, " "],
];

export function foldAddress(text: string): string {
  let s = toAsciiLower(text.replace(/№/g, " "));
  for (const [re, replacement] of ABBREVIATIONS) s = s.replace(re, replacement);
  s = s.replace(/[^a-z0-9]+/g, " ").trim();
  // "5 a" → "5a": a house-number letter belongs to the number
  s = s.replace(/\b(\d+) ([a-z])\b/g, "$1$2");
  return s.replace(/\s+/g, " ");
}

export function normalise(input: AddressInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const folded = foldAddress(input.text);
  if (folded.length < 3 || !/[a-z]/.test(folded)) return fail("address_invalid");
  const display = input.country ? `${input.text.trim()} (${input.country})` : input.text.trim();
  return ok(folded, display);
}
