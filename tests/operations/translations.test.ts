import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTL_LOCALE } from "../../app/i18n/config";
import { CRIME_AREAS, MEMBER_ROLES, OPERATION_STATUSES, UI_LANGUAGES } from "../../app/domain/vocabulary";

const load = (lng: string) => JSON.parse(readFileSync(path.resolve("app/locales", lng, "operations.json"), "utf8")) as Record<string, unknown>;

function leaves(obj: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof obj === "string") out.set(prefix, obj);
  else if (obj && typeof obj === "object") for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, "");
const vars = (s: string) => [...new Set(s.match(/\{\{\w+\}\}/g) ?? [])].sort();

/** Every key the operation pages, components and domain refer to, dynamic ones spelled out. */
function usedKeys(): Set<string> {
  const files = [
    ...readdirSync("app/routes").filter((f) => /^(admin\.)?operations/.test(f) && f !== "operations.$id.audit.tsx").map((f) => `app/routes/${f}`),
    ...["app/components/operations", "app/domain/operations"].flatMap((d) => readdirSync(d).map((f) => `${d}/${f}`)),
  ];
  const used = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, "utf8").matchAll(/["`]operations:([a-z_.]+[a-z_])["`]/g)) used.add(m[1]!);
  for (const s of OPERATION_STATUSES) used.add(`status.${s}`);
  for (const r of MEMBER_ROLES) used.add(`member_role.${r}`);
  for (const a of CRIME_AREAS) used.add(`crime_area.${a}`);
  for (const r of ["observer", "jit_expired", "closed"]) used.add(`read_only.${r}`);
  for (const p of ["not_found", "forbidden", "server"]) for (const k of ["title", "heading", "body"]) used.add(`error_page.${p}.${k}`);
  used.add("members_count");
  return used;
}

describe("the operations namespace", () => {
  const en = leaves(load("en"));

  it("defines in English every key the pages use", () => {
    const keys = new Set([...en.keys()].map(base));
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(60);
    for (const key of used) expect(keys.has(key), `operations:${key}`).toBe(true);
  });

  it.each(UI_LANGUAGES.filter((l) => l !== "en"))("has every English key in %s, with the plural forms the language needs", (lng) => {
    const other = leaves(load(lng));
    expect([...new Set([...other.keys()].map(base))].sort()).toEqual([...new Set([...en.keys()].map(base))].sort());
    const categories = new Intl.PluralRules(INTL_LOCALE[lng]).resolvedOptions().pluralCategories;
    for (const key of new Set([...en.keys()].filter((k) => PLURAL.test(k)).map(base))) {
      for (const c of categories.filter((c) => c === "one" || c === "few" || c === "other")) expect(other.has(`${key}_${c}`), `${lng}:${key}_${c}`).toBe(true);
    }
    for (const [key, text] of other) {
      expect(text.trim(), `${lng}:${key}`).not.toBe("");
      const source = en.get(key) ?? en.get(`${base(key)}_other`)!;
      expect(vars(text), `${lng}:${key}`).toEqual(vars(source));
    }
  });

  it("writes Serbian in Latin script", () => {
    for (const [key, text] of leaves(load("sr"))) expect(/[\u0400-\u04FF]/.test(text), `sr:${key}`).toBe(false);
  });
});
