/**
 * Vehicle registration plate: country (ISO alpha-2; the operation's country
 * when none is given) + the plate's letters and digits, upper-cased, with
 * separators, the coat-of-arms gap and spaces removed, and Cyrillic/Greek
 * look-alike letters mapped to Latin (lookalikes.ts). Key "<country>:<plate>".
 * A Cyrillic or Greek letter with no Latin look-alike cannot be on a plate
 * and is rejected.
 */
import { z } from "zod";
import { countrySchema, normaliseCountry, textField } from "./fields";
import { mapLookalikes } from "./lookalikes";
import { fail, ok, type NormaliseContext, type NormaliseResult } from "./result";

export const vehiclePlateInput = z.object({
  country: countrySchema.optional(),
  plate: textField(32),
});
export type VehiclePlateInput = z.infer<typeof vehiclePlateInput>;

export function normalise(input: VehiclePlateInput, ctx: NormaliseContext = {}): NormaliseResult {
  const country = input.country ?? normaliseCountry(ctx.defaultCountry);
  if (!country) return fail("country_required");
  const mapped = mapLookalikes(input.plate).replace(/[\s\-.·•:_/\\|'"]/g, "");
  if (!/^[A-Z0-9]+$/.test(mapped)) return fail("plate_invalid_characters");
  if (mapped.length < 2 || mapped.length > 12) return fail("plate_length");
  return ok(`${country}:${mapped}`, `${mapped} (${country})`);
}
