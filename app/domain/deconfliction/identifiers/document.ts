/**
 * Travel and identity documents: type + issuing country + number.
 *
 * The number is upper-cased and stripped of spaces, dashes, slashes and the
 * MRZ filler "<"; Cyrillic/Greek look-alike letters (Greek identity cards use
 * only those, e.g. "ΑΒ 123456") are mapped to Latin.
 *
 * Key: "<country>:<number>", without the type. Officers often pick the wrong
 * type (a travel document entered as a passport, an identity card as "other"),
 * and the same document must still hit; two different documents of one
 * country sharing a number is much rarer than a mislabelled type, and a false
 * hit only costs a phone call. The type is kept in the display.
 */
import { z } from "zod";
import { countrySchema, textField } from "./fields";
import { mapLookalikes } from "./lookalikes";
import { errorKey, fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const DOCUMENT_TYPES = ["passport", "id_card", "residence_permit", "visa", "driving_licence", "other"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const documentInput = z.object({
  type: z.enum(DOCUMENT_TYPES, { errorMap: () => ({ message: errorKey("document_type_invalid") }) }),
  country: countrySchema,
  number: textField(40),
});
export type DocumentInput = z.infer<typeof documentInput>;

export function normalise(input: DocumentInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const number = mapLookalikes(input.number).replace(/[\s\-./<_]/g, "");
  if (!/^[A-Z0-9]+$/.test(number)) return fail("document_number_invalid_characters");
  if (number.length < 4 || number.length > 20) return fail("document_number_length");
  if (/^0+$/.test(number)) return fail("document_number_invalid_characters");
  return ok(`${input.country}:${number}`, `${input.type} ${input.country} ${number}`);
}
