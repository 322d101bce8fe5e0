/**
 * Companies: name + country, and the registration number when known.
 *
 * The name is transliterated and folded (matching/transliterate.ts: "ДООЕЛ",
 * "Α.Ε." and "Ltd." all become plain ASCII), punctuation and quotes removed,
 * "d.o.o." / "d. o. o." / "sh.p.k." written together ("doo", "shpk"), and the
 * legal-form words removed from the start and the end of the name (GmbH, Ltd,
 * S.A., A.E., EOOD, Kft, d.o.o., sh.p.k. …): "Alfa-Trans d.o.o.",
 * "ALFA TRANS DOO" and "Алфа Транс д.о.о." are one company. Words inside the
 * name stay, and so does a town in it ("Alfa Trans Beograd" is not
 * "Alfa Trans": two branches may be two companies).
 *
 * Key: "<country>:<folded name>"; the registration number (upper-case letters
 * and digits) gives the alternate key "<country>:reg:<number>", so the same
 * company registered once by name and once by number still hits.
 */
import { z } from "zod";
import { toAsciiLower } from "../matching/transliterate";
import { countrySchema, textField } from "./fields";
import { mapLookalikes } from "./lookalikes";
import { errorKey, fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const companyInput = z.object({
  name: textField(300),
  country: countrySchema,
  registrationNumber: z
    .string({ invalid_type_error: errorKey("company_registration_invalid") })
    .trim()
    .max(40, errorKey("too_long"))
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type CompanyInput = z.infer<typeof companyInput>;

/** Legal-form words after folding and joining dotted abbreviations. */
export const LEGAL_FORMS = new Set([
  // Western Balkans
  "doo", "dooel", "dooe", "ad", "od", "kd", "dd", "jp", "preduzece", "pretprijatie",
  // Albania, Kosovo
  "shpk", "sha", "shps", "pf",
  // Greece, Cyprus
  "ae", "epe", "ike", "oe", "ee", "mepe", "mike",
  // Bulgaria
  "eood", "ood", "ead", "et", "sd", "kda",
  // Hungary
  "kft", "bt", "zrt", "nyrt", "rt", "kkt",
  // German-speaking
  "gmbh", "ag", "kg", "og", "ohg", "gbr", "ug", "eu", "gmbhcokg", "gesmbh",
  // English, international
  "ltd", "limited", "llc", "llp", "lp", "inc", "corp", "corporation", "co", "plc", "company",
  // Romance, Dutch, Nordic, Central European, Turkish
  "sa", "sarl", "sas", "srl", "spa", "sl", "bv", "nv", "sro", "as", "oy", "ab", "aps", "spzoo", "ltdsti", "sti",
]);

function foldCompanyName(name: string): string {
  let s = toAsciiLower(name);
  s = s.replace(/&/g, " ");
  // dotted abbreviations written together: d.o.o. → doo, sh.p.k. → shpk, a.e. → ae
  s = s.replace(/\b([a-z]{1,3})\.(?=\s*[a-z]{1,3}\.)/g, "$1");
  s = s.replace(/[^a-z0-9]+/g, " ").trim();
  // "d o o" → "doo": a run of single letters is one abbreviation
  const tokens: string[] = [];
  let previousSingle = false;
  for (const t of s.split(" ").filter(Boolean)) {
    const single = t.length === 1 && /[a-z]/.test(t);
    if (single && previousSingle) tokens[tokens.length - 1] += t;
    else tokens.push(t);
    previousSingle = single;
  }
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens[tokens.length - 1]!)) tokens.pop();
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens[0]!)) tokens.shift();
  if (tokens.length === 1 && LEGAL_FORMS.has(tokens[0]!)) return "";
  return tokens.join(" ");
}

export function normalise(input: CompanyInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const name = foldCompanyName(input.name);
  if (!name) return fail("company_name_invalid");
  const alternateKeys: string[] = [];
  if (input.registrationNumber) {
    const reg = mapLookalikes(input.registrationNumber).replace(/[\s\-./]/g, "");
    if (!/^[A-Z0-9]{2,30}$/.test(reg)) return fail("company_registration_invalid");
    alternateKeys.push(`${input.country}:reg:${reg}`);
  }
  return ok(`${input.country}:${name}`, `${input.name.trim()} (${input.country})`, { alternateKeys });
}

export { foldCompanyName };
