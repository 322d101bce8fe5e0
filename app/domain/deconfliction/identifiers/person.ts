/**
 * Persons: names (with aliases, any script), date of birth or birth year,
 * nationality, sex. Persons are matched by score (matching/score-person.ts),
 * not by key; the value here is a canonical form of the main name and the
 * date — each name part as its variant class or comparison skeleton, sorted —
 * so that trivially equal registrations ("Марко Петровић" / "Petrović Marko",
 * same date) also share an exact key.
 */
import { z } from "zod";
import { analyseName } from "../matching/names";
import { countrySchema } from "./fields";
import { errorKey, fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1900;
}

export const personInput = z
  .object({
    names: z
      .array(z.string({ invalid_type_error: errorKey("required") }).trim().min(1, errorKey("required")).max(200, errorKey("too_long")), {
        required_error: errorKey("required"),
      })
      .min(1, errorKey("person_name_required"))
      .max(20, errorKey("too_many_names")),
    dateOfBirth: z
      .string()
      .trim()
      .refine(isCalendarDate, errorKey("date_of_birth_invalid"))
      .optional(),
    birthYear: z
      .number({ invalid_type_error: errorKey("birth_year_invalid") })
      .int(errorKey("birth_year_invalid"))
      .min(1900, errorKey("birth_year_invalid"))
      .max(2100, errorKey("birth_year_invalid"))
      .optional(),
    nationality: countrySchema.optional(),
    sex: z.enum(["f", "m", "x"], { errorMap: () => ({ message: errorKey("sex_invalid") }) }).optional(),
  })
  .refine((p) => !p.dateOfBirth || p.birthYear === undefined || Number(p.dateOfBirth.slice(0, 4)) === p.birthYear, {
    message: errorKey("birth_year_conflicts_with_date"),
    path: ["birthYear"],
  });
export type PersonInput = z.infer<typeof personInput>;

export function normalise(input: PersonInput, _ctx: NormaliseContext = {}): NormaliseResult {
  const main = analyseName(input.names[0] ?? "");
  if (main.tokens.length === 0) return fail("person_name_invalid");
  const parts = main.tokens.map((t) => t.forms[t.forms.length - 1]!.variant ?? t.forms[t.forms.length - 1]!.skeleton).sort();
  const when = input.dateOfBirth ?? (input.birthYear !== undefined ? String(input.birthYear) : "");
  const value = `${parts.join(" ")}|${when}`;
  const display = [input.names[0]!.trim(), input.dateOfBirth ?? input.birthYear].filter((v) => v !== undefined && v !== "").join(", ");
  return ok(value, display);
}
