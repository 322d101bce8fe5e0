import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UI_LANGUAGES, AUDIT_ACTIONS, AUDIT_OUTCOMES } from "../../app/domain/vocabulary";

const load = (lng: string, ns: string) => JSON.parse(readFileSync(path.resolve("app/locales", lng, `${ns}.json`), "utf8")) as Record<string, unknown>;

function leaves(obj: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof obj === "string") out.set(prefix, obj);
  else if (obj && typeof obj === "object")
    for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}

const lookup = (tree: Record<string, unknown>, key: string) =>
  key.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), tree);

/** Source files that use the audit and account namespaces. */
function sources(): string[] {
  const files = [
    ...[
      "app/routes/audit.tsx",
      "app/routes/audit[.csv].tsx",
      "app/routes/operations.$id.audit.tsx",
      "app/routes/account.tsx",
      "app/routes/account_.security.tsx",
    ],
    ...["app/components/audit", "app/components/account", "app/domain/account", "app/domain/audit"].flatMap((d) => readdirSync(d).map((f) => `${d}/${f}`)),
  ];
  return files.map((f) => readFileSync(path.resolve(f), "utf8"));
}

describe.each(["audit", "account"])("the %s namespace", (ns) => {
  const en = leaves(load("en", ns));

  it.each(UI_LANGUAGES.filter((l) => l !== "en"))("has exactly the English keys in %s, none left empty or untranslated placeholders", (lng) => {
    const other = leaves(load(lng, ns));
    // plural categories English lacks (Serbian's _few) are the parity test's concern
    const extraPlural = (k: string) => /_(zero|two|few|many)$/.test(k) && en.has(k.replace(/_(zero|two|few|many)$/, "_other"));
    expect([...other.keys()].filter((k) => !extraPlural(k)).sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of other) {
      expect(text.trim(), `${lng}:${key}`).not.toBe("");
      // interpolation variables must survive translation
      const vars = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(vars(text), `${lng}:${key}`).toEqual(vars(en.get(extraPlural(key) ? key.replace(/_[a-z]+$/, "_other") : key)!));
    }
  });

  it("defines every key the pages use", () => {
    const used = new Set<string>();
    for (const src of sources()) for (const m of src.matchAll(new RegExp(`["\`]${ns}:([a-z_.]+[a-z_])["\`]`, "g"))) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(5);
    // a plural key is used by its base name (t("ns:key", { count }))
    for (const key of used) expect(typeof (lookup(load("en", ns), key) ?? lookup(load("en", ns), `${key}_other`)), `${ns}:${key}`).toBe("string");
  });
});

describe("audit action labels", () => {
  it.each(UI_LANGUAGES)("label every action and outcome in %s", (lng) => {
    const tree = load(lng, "audit");
    for (const action of AUDIT_ACTIONS) expect(typeof lookup(tree, `actions.${action}`), `${lng}: ${action}`).toBe("string");
    for (const outcome of AUDIT_OUTCOMES) expect(typeof lookup(tree, `outcomes.${outcome}`)).toBe("string");
    for (const entity of new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0]!)))
      expect(typeof lookup(tree, `entities.${entity}`), `${lng}: ${entity}`).toBe("string");
  });
});
