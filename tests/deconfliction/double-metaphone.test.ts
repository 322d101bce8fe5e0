import { PGlite } from "@electric-sql/pglite";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { allFakers } from "@faker-js/faker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doubleMetaphone } from "../../app/domain/deconfliction/matching/double-metaphone";

describe("doubleMetaphone", () => {
  it.each([
    ["Schmidt", "XMT", "SMT"],
    ["Smith", "SM0", "XMT"],
    ["Mohammed", "MHMT", "MHMT"],
    ["Petrovic", "PTRF", "PTRF"],
    ["Hassan", "HSN", "HSN"],
    ["Alhassan", "ALSN", "ALSN"],
    ["Jose", "HS", "HS"],
    ["Xavier", "SF", "SFR"],
    ["Caesar", "SSR", "SSR"],
    ["Michael", "MKL", "MXL"],
    ["Czerny", "SRN", "XRN"],
    ["Filipowicz", "FLPT", "FLPF"],
    ["Wasserman", "ASRM", "FSRM"],
    ["Thomas", "TMS", "TMS"],
    ["Gallegos", "KLKS", "KKS"],
    ["", "", ""],
  ])("%s → %s / %s", (word, primary, alternate) => {
    expect(doubleMetaphone(word)).toEqual({ primary, alternate });
  });
});

// The blocking keys must equal what PostgreSQL computes in SQL, so the port is
// checked against fuzzystrmatch itself (PGlite ships the same C code).
describe("doubleMetaphone parity with PostgreSQL dmetaphone()", () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create({ extensions: { fuzzystrmatch } });
    await db.exec("create extension fuzzystrmatch");
  });
  afterAll(async () => {
    await db.close();
  });

  async function mismatches(words: string[]): Promise<string[]> {
    const r = await db.query<{ w: string; a: string; b: string }>(
      "select w, dmetaphone(w) a, dmetaphone_alt(w) b from unnest($1::text[]) w",
      [words],
    );
    return r.rows
      .filter((row) => {
        const m = doubleMetaphone(row.w);
        return m.primary !== row.a || m.alternate !== row.b;
      })
      .map((row) => `${row.w}: pg ${row.a}/${row.b}, ts ${JSON.stringify(doubleMetaphone(row.w))}`);
  }

  it("agrees on names of many languages, folded to ASCII", async () => {
    const words = new Set<string>();
    for (const locale of ["en", "de", "de_AT", "hu", "sr_RS_latin", "tr", "fr", "it", "pl", "es", "el", "ru", "uk", "ar"] as const) {
      const f = allFakers[locale];
      f.seed(2026);
      for (let i = 0; i < 150; i++) {
        words.add(f.person.firstName());
        words.add(f.person.lastName());
      }
    }
    const ascii = [...words]
      .map((w) => w.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, ""))
      .filter((w) => w.length > 0);
    expect(ascii.length).toBeGreaterThan(1000);
    expect(await mismatches(ascii)).toEqual([]);
  });

  it("agrees on the rule examples and on random letter strings with spaces and hyphens", async () => {
    const words = [
      "Chianti", "Chemistry", "Orchestra", "McHugh", "Focaccia", "McClellan", "Bellocchio", "Bacchus", "Accident",
      "Succeed", "Mac Caffrey", "Edge", "Edgar", "Ghislane", "Hugh", "Laugh", "Cagney", "Tagliaro", "Cabrillo",
      "Dumb", "Campbell", "Rogier", "Island", "Sugar", "Schooner", "Schenker", "Resnais", "Arnow", "Breaux", "Zhao",
      "Van Gogh", "Von Braun", "San Jacinto", "Jankelowicz", "Womo", "Wright", "al hassan", "abd-al-rahman",
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZAEIOUHCSGWabcehis -'";
    for (let i = 0; i < 3000; i++) {
      let w = "";
      const n = 1 + Math.floor(random() * 10);
      for (let j = 0; j < n; j++) w += alphabet[Math.floor(random() * alphabet.length)];
      words.push(w);
    }
    expect(await mismatches(words)).toEqual([]);
  });
});
