// Form schemas shared by routes (browser bundle) and services: zod only, no server imports.
import { z } from "../validation";

export const signInFormSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(256),
  redirectTo: z.string().optional(),
});

export const totpFormSchema = z.object({
  code: z.string().trim().min(6, "validation.totp_code").max(24, "validation.totp_code"),
});
