import { describe, expect, it } from "vitest";
import { editDistance, jaro, jaroWinkler } from "../../app/domain/deconfliction/matching/similarity";

describe("Jaro–Winkler", () => {
  // reference values from Winkler's papers and the usual test tables
  it.each([
    ["MARTHA", "MARHTA", 0.944, 0.961],
    ["DWAYNE", "DUANE", 0.822, 0.84],
    ["DIXON", "DICKSONX", 0.767, 0.813],
    ["JELLYFISH", "SMELLYFISH", 0.896, 0.896],
    ["ABC", "ABC", 1, 1],
    ["ABC", "XYZ", 0, 0],
    ["", "ABC", 0, 0],
  ])("%s / %s → jaro %d, jaro-winkler %d", (a, b, j, jw) => {
    expect(jaro(a, b)).toBeCloseTo(j, 3);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 3);
  });

  it("is symmetric", () => {
    for (const [a, b] of [["petrovic", "petrovski"], ["hasan", "hassan"], ["nikola", "nikolaos"]] as const) {
      expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinkler(b, a), 10);
    }
  });
});

describe("edit distance (with transpositions)", () => {
  it.each([
    ["petrovic", "petrovic", 0],
    ["petrovic", "petorvic", 1],
    ["hasan", "hassan", 1],
    ["petrovic", "petrovski", 3],
    ["petrovik", "petrovski", 2],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%s / %s → %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
