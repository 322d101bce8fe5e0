// The shape of a token secret. Only its SHA-256 digest is stored; the secret is
// shown once. 32 random bytes make guessing hopeless, so a digest lookup suffices:
// no salt or slow hash is needed for a secret nobody chose.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const FORMAT = /^cnc_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface NewApiToken {
  secret: string;
  /** shown in lists and audit rows: names the token without revealing it */
  prefix: string;
  hash: string;
}

export const hashApiToken = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

export function newApiToken(): NewApiToken {
  const id = randomBytes(4).toString("hex");
  const secret = `cnc_${id}_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: `cnc_${id}`, hash: hashApiToken(secret) };
}

/** The token of an `Authorization: Bearer …` header, if it has our shape; anything else is null. */
export function bearerToken(header: string | null | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m || !FORMAT.test(m[1]!)) return null;
  return m[1]!;
}

export const prefixOf = (secret: string) => secret.slice(0, 12);

/** Compares two hex digests without an early exit. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
