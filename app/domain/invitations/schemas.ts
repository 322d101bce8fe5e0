// Shared by routes (browser bundle) and services: zod only, no server imports.
import { optionalParam, pageParam, ADMIN_PAGE_SIZE } from "../office/schemas";
import { userFieldsSchema } from "../users/schemas";
import { z } from "../validation";

export const INVITATION_STATUSES = ["pending", "accepted", "expired", "revoked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export function invitationStatus(
  inv: { usedAt: Date | string | null; revokedAt: Date | string | null; expiresAt: Date | string },
  now: Date,
): InvitationStatus {
  if (inv.usedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (new Date(inv.expiresAt).getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** The "Invite user" form: the same profile fields an administrator edits later. */
export const inviteUserSchema = userFieldsSchema;

/** 32 random bytes, base64url: 43 characters. */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

// The browser repeats only the length rule of app/domain/auth/passwords.ts (which
// needs argon2); the service re-checks the full rule, common passwords included.
const MIN_PASSWORD_LENGTH = 12;

export const setPasswordFormSchema = z
  .object({
    password: z.string({ required_error: "validation.required" }).min(MIN_PASSWORD_LENGTH, "validation.password_too_short").max(256, "validation.too_long"),
    confirm: z.string({ required_error: "validation.required" }).min(1).max(256, "validation.too_long"),
  })
  .refine((d) => d.password === d.confirm, { message: "validation.password_mismatch", path: ["confirm"] });

export const invitationFiltersSchema = z.object({
  status: optionalParam(z.enum(INVITATION_STATUSES)),
  page: pageParam,
  pageSize: z.coerce.number().int().min(1).max(500).catch(ADMIN_PAGE_SIZE),
});
