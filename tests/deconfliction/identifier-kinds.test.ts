import { describe, expect, it } from "vitest";
import { IDENTIFIER_KINDS, IDENTIFIERS, matchingKeys, normaliseIdentifier } from "../../app/domain/deconfliction/identifiers/index";
import { isIdentifierKind } from "../../app/domain/deconfliction/identifiers/kinds";

describe("identifier kinds", () => {
  it("has a module for every kind and no other", () => {
    expect(Object.keys(IDENTIFIERS).sort()).toEqual([...IDENTIFIER_KINDS].sort());
  });

  it.each(IDENTIFIER_KINDS.map((k) => [k]))("%s: an empty input fails with an i18n key", (kind) => {
    const r = normaliseIdentifier(kind, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toMatch(/^[a-z_]+$/);
    const parsed = IDENTIFIERS[kind].schema.safeParse({});
    expect(parsed.success).toBe(false);
    for (const issue of parsed.error!.issues) expect(issue.message).toMatch(/^deconfliction:errors\.[a-z_]+$/);
  });

  it("tells kinds from other strings", () => {
    expect(isIdentifierKind("vin")).toBe(true);
    expect(isIdentifierKind("bank_account")).toBe(true);
    expect(isIdentifierKind("passport")).toBe(false);
  });

  it.each([
    ["phone", { number: "0641234567" }, { defaultCountry: "RS" }, ["+381641234567"]],
    ["iban", { iban: "RS35 2600 0560 1001 6113 79" }, {}, ["RS35260005601001611379", "RS:260:5601001611379"]],
    ["company", { name: "Alfa doo", country: "RS", registrationNumber: "123" }, {}, ["RS:alfa", "RS:reg:123"]],
  ] as const)("normaliseIdentifier(%s) gives all matching keys", (kind, raw, ctx, keys) => {
    expect(matchingKeys(normaliseIdentifier(kind, raw, ctx))).toEqual(keys);
  });

  it("returns the schema's code for malformed input", () => {
    expect(normaliseIdentifier("document", { type: "passport", country: "XX", number: "123456" })).toEqual({ ok: false, code: "country_invalid" });
    expect(normaliseIdentifier("phone", { number: 42 })).toEqual({ ok: false, code: "required" });
  });
});
