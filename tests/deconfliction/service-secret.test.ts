import { afterEach, describe, expect, it } from "vitest";
import { defaultConfig } from "../../app/domain/context";
import { deconflictionSecret, digestOf } from "../../app/domain/deconfliction/secret";
import { readEnv } from "../../app/utils/env.server";

describe("the deconfliction key", () => {
  const mode = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = mode;
  });

  it("uses the configured key; digests depend on it, the kind and the value", () => {
    const key = "k".repeat(32);
    expect(deconflictionSecret({ ...defaultConfig, deconflictionSecret: key })).toBe(key);
    const d = digestOf(key, "phone", "+381641234567");
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf(key, "phone", "+381641234567")).toBe(d);
    expect(digestOf("x".repeat(32), "phone", "+381641234567")).not.toBe(d);
    expect(digestOf(key, "imsi", "+381641234567")).not.toBe(d);
  });

  it("falls back to one random key per process in tests, and refuses in production", () => {
    const first = deconflictionSecret(defaultConfig);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(deconflictionSecret({ ...defaultConfig })).toBe(first);
    process.env.NODE_ENV = "production";
    expect(() => deconflictionSecret(defaultConfig)).toThrow(expect.objectContaining({ code: "conflict", message: "deconfliction_not_configured" }));
  });

  it("reads DECONFLICTION_SECRET from the environment: optional, at least 32 characters", () => {
    expect(readEnv({ NODE_ENV: "production" }).DECONFLICTION_SECRET).toBeUndefined();
    expect(readEnv({ NODE_ENV: "production", DECONFLICTION_SECRET: "" }).DECONFLICTION_SECRET).toBeUndefined();
    expect(readEnv({ NODE_ENV: "test", DECONFLICTION_SECRET: "s".repeat(40) }).DECONFLICTION_SECRET).toBe("s".repeat(40));
    expect(() => readEnv({ NODE_ENV: "test", DECONFLICTION_SECRET: "short" })).toThrow(/DECONFLICTION_SECRET/);
  });
});
