import { UI_LANGUAGES } from "../vocabulary";
import { z } from "../validation";

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const preferencesSchema = z
  .object({
    locale: z.enum(UI_LANGUAGES),
    timeZone: z.string().trim().refine(isTimeZone, "validation.time_zone"),
    phone: z.string().trim().max(40).optional(),
    languages: z.array(z.string().trim().regex(/^[a-z]{2,3}$/, "validation.language_code")).max(12),
  })
  .partial();
