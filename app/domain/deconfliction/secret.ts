import { createHmac, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import type { AppConfig } from "../context";
import { DomainError } from "../errors";

// Development and tests may run without a configured key: one random key per
// process keeps digests consistent within it. Never in production, where a key
// that changes on restart would silently stop every old registration matching.
let processKey: string | null = null;

export function deconflictionSecret(config: AppConfig): string {
  if (config.deconflictionSecret) return config.deconflictionSecret;
  const mode = process.env.NODE_ENV;
  if (mode === "test" || mode === "development") return (processKey ??= randomBytes(32).toString("hex"));
  throw new DomainError("conflict", "deconfliction_not_configured");
}

// The key imported once rather than on every digest (a bulk check makes one per value).
let lastKey: { secret: string; key: KeyObject } | null = null;
function hmacKey(secret: string): KeyObject {
  if (lastKey?.secret !== secret) lastKey = { secret, key: createSecretKey(Buffer.from(secret, "utf8")) };
  return lastKey.key;
}

/** The blind key of one identifier: hex HMAC-SHA256(secret, kind + ":" + normalised value). */
export function digestOf(secret: string, kind: string, value: string): string {
  return createHmac("sha256", hmacKey(secret)).update(`${kind}:${value}`, "utf8").digest("hex");
}
