// Form schemas of the user's own account pages, shared by routes (browser bundle) and services: zod only.
import { isTimeZone } from "../users/schemas";
import { z } from "../validation";
import { UI_LANGUAGES } from "../vocabulary";

// Equal to MIN_PASSWORD_LENGTH in auth/passwords.ts, which imports argon2 and so
// cannot reach the browser; the service checks the full rules (common passwords too).
export const NEW_PASSWORD_MIN = 12;

/** "de, EN  sq" -> ["de", "en", "sq"]: ISO 639-1 codes, separated by commas or spaces. */
export const spokenLanguagesField = z
  .string()
  .max(200)
  .optional()
  .transform((s) => [
    ...new Set(
      (s ?? "")
        .split(/[\s,;]+/)
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean)
    ),
  ])
  .superRefine((codes, ctx) => {
    if (codes.some((c) => !/^[a-z]{2}$/.test(c))) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "account:errors.language_codes" });
    else if (codes.length > 12) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "account:errors.too_many_languages" });
  });

export const preferencesFormSchema = z.object({
  intent: z.literal("preferences"),
  locale: z.enum(UI_LANGUAGES),
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, "validation.time_zone"),
  phone: z.string().trim().max(40).optional(),
  languages: spokenLanguagesField,
});

const passwordsMatch = (v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword;
const mismatch = { path: ["confirmPassword"], message: "validation.password_mismatch" };

export const changePasswordFields = {
  currentPassword: z.string().min(1).max(256, "validation.too_long"),
  newPassword: z.string().min(NEW_PASSWORD_MIN, "validation.password_too_short").max(256, "validation.too_long"),
  confirmPassword: z.string().min(1).max(256, "validation.too_long"),
};

export const changePasswordFormSchema = z.object({ intent: z.literal("password"), ...changePasswordFields }).refine(passwordsMatch, mismatch);

/** The service's own schema: the same fields, with the new password held to a rule passed in (argon2 side). */
export function changePasswordSchema(newPassword: z.ZodType<string, z.ZodTypeDef, string>) {
  return z.object({ ...changePasswordFields, newPassword }).refine(passwordsMatch, mismatch);
}

export const startTotpFormSchema = z.object({ intent: z.literal("start") });

export const confirmTotpFormSchema = z.object({
  intent: z.literal("confirm"),
  code: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "account:errors.totp_code")),
});

export const disableTotpFormSchema = z.object({
  intent: z.literal("disable"),
  password: z.string().min(1).max(256, "validation.too_long"),
});

export const disableSecondFactorSchema = disableTotpFormSchema.omit({ intent: true });
