import { ADMIN_PAGE_SIZE, optionalParam, pageParam } from "../office/schemas";
import { OFFICE_ROLES, UI_LANGUAGES } from "../vocabulary";
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

// ---- administration of users (shared with the admin routes and the command line)

export const USER_STATUSES = ["active", "invited", "locked", "disabled"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** "de, en sq" or ["de", "en"] -> ["de", "en", "sq"]: lower case, no duplicates. */
const spokenLanguagesField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const parts = (Array.isArray(v) ? v : (v ?? "").split(/[\s,;]+/)).map((s) => s.trim().toLowerCase()).filter(Boolean);
    return [...new Set(parts)];
  })
  .superRefine((codes, ctx) => {
    if (codes.some((c) => !/^[a-z]{2,3}$/.test(c))) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.language_code" });
    else if (codes.length > 12) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `validation.too_big|${JSON.stringify({ count: 12 })}` });
  });

/** An IANA zone name such as Europe/Vienna (not an offset), in its canonical spelling. */
export const ianaTimeZoneField = z
  .string()
  .trim()
  .refine((tz) => /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(tz) && isTimeZone(tz), "validation.time_zone")
  .transform((tz) => new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone);

export const userFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .transform((s) => s.replace(/\s+/g, " "))
    .pipe(z.string().min(2).max(120)),
  // stored in lower case: e-mail addresses are unique regardless of case
  email: z.string().trim().toLowerCase().email().max(254),
  agencyId: z.string().trim().uuid(),
  officeRole: z.enum(OFFICE_ROLES),
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(40)
      .regex(/^\+?[0-9 ()./-]{4,40}$/, "admin:errors.phone")
      .optional(),
  ),
  languages: spokenLanguagesField,
  timeZone: ianaTimeZoneField,
  locale: z.enum(UI_LANGUAGES),
});
export type UserFieldsInput = z.input<typeof userFieldsSchema>;

export const updateUserSchema = userFieldsSchema.extend({
  // the row's updated_at when the form was opened: a stale form gets Conflict, not a silent overwrite
  version: z.string().datetime().optional(),
});

export const userFiltersSchema = z.object({
  agency: optionalParam(z.string().uuid()),
  role: optionalParam(z.enum(OFFICE_ROLES)),
  status: optionalParam(z.enum(USER_STATUSES)),
  q: optionalParam(z.string().trim().min(1).max(120)),
  page: pageParam,
  pageSize: z.coerce.number().int().min(1).max(500).catch(ADMIN_PAGE_SIZE),
});
export type UserFilters = z.output<typeof userFiltersSchema>;

/** The status an administrator sees, most serious first. */
export function userStatus(u: { disabledAt: Date | string | null; passwordHash?: string | null; hasPassword?: boolean; lockedUntil: Date | string | null }, now: Date): UserStatus {
  if (u.disabledAt) return "disabled";
  const hasPassword = u.hasPassword ?? (u.passwordHash !== null && u.passwordHash !== undefined);
  if (!hasPassword) return "invited";
  if (u.lockedUntil && new Date(u.lockedUntil).getTime() > now.getTime()) return "locked";
  return "active";
}
