// Every namespace ships complete in all six languages: the same keys, no empty
// strings, the same {{placeholders}}, and the plural forms each language needs.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UI_LANGUAGES } from "../../app/domain/vocabulary";
import { NAMESPACES } from "../../app/i18n/config";

const dir = path.resolve("app/locales");
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Record<string, unknown>, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") Object.assign(out, flatten(v as Record<string, unknown>, key));
    else out[key] = String(v);
  }
  return out;
}
const load = (lng: string, ns: string) => flatten(JSON.parse(readFileSync(path.join(dir, lng, `${ns}.json`), "utf8")));
// "choose_one" is a word, not a plural form: a key is plural when English has its _other form
function pluralBases(en: Record<string, string>) {
  return new Set(Object.keys(en).filter((k) => k.endsWith("_other")).map((k) => k.slice(0, -"_other".length)));
}
let plurals = new Set<string>();
const base = (k: string) => {
  const stripped = k.replace(PLURAL, "");
  return stripped !== k && plurals.has(stripped) ? stripped : k;
};
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("every registered namespace has a file in every language, and every file is registered", () => {
    for (const lng of UI_LANGUAGES) {
      const files = readdirSync(path.join(dir, lng)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files).toEqual([...NAMESPACES].sort());
    }
  });

  for (const ns of NAMESPACES) {
    it(`${ns}: same keys, placeholders and plural forms in all six languages`, () => {
      const en = load("en", ns);
      plurals = pluralBases(en);
      const enBases = new Set(Object.keys(en).map(base));
      for (const lng of UI_LANGUAGES) {
        const tr = load(lng, ns);
        expect(new Set(Object.keys(tr).map(base)), `${lng}/${ns}.json keys`).toEqual(enBases);
        for (const [k, v] of Object.entries(tr)) {
          expect(v.trim(), `${lng}/${ns}.json ${k} is empty`).not.toBe("");
          const enValue = en[k] ?? en[`${base(k)}_other`] ?? en[base(k)];
          if (enValue !== undefined) expect(placeholders(v), `${lng}/${ns}.json ${k} placeholders`).toEqual(placeholders(enValue));
        }
        // every plural category the language uses must be there
        const categories = new Intl.PluralRules(lng === "sr" ? "sr-Latn" : lng).resolvedOptions().pluralCategories;
        for (const pluralBase of plurals) {
          for (const c of categories) {
            if (c === "zero" || c === "two" || c === "many") continue;
            expect(tr, `${lng}/${ns}.json ${pluralBase}_${c}`).toHaveProperty([`${pluralBase}_${c}`]);
          }
        }
      }
    });
  }

  it("Serbian is written in Latin script", () => {
    for (const ns of NAMESPACES) {
      for (const [k, v] of Object.entries(load("sr", ns))) expect(/[\u0400-\u04FF]/.test(v), `sr/${ns}.json ${k}`).toBe(false);
    }
  });
});
