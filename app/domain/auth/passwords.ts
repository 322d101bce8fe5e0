import { hash, verify } from "@node-rs/argon2";
import { z } from "../validation";
import { COMMON_PASSWORDS } from "./common-passwords";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "validation.password_too_short")
  .max(256, "validation.too_long")
  .refine((p) => !isCommonPassword(p), "validation.password_common");

export function isCommonPassword(p: string): boolean {
  const folded = p.toLowerCase();
  return COMMON_PASSWORDS.has(folded) || /^(.)\1+$/.test(folded);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("concordia-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}
