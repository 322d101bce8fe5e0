import { describe, expect, it } from "vitest";
import { scorePersons } from "../../app/domain/deconfliction/matching/score-person";
import { DEFAULT_MATCH_THRESHOLD, PERSON_MATCH_THRESHOLD } from "../../app/domain/deconfliction/matching/threshold";
import type { Person } from "../../app/domain/deconfliction/matching/types";

const T = DEFAULT_MATCH_THRESHOLD;
const person = (names: string | string[], facts: Omit<Person, "names"> = {}): Person => ({
  names: Array.isArray(names) ? names : [names],
  ...facts,
});

describe("threshold", () => {
  it("is exported as the default", () => {
    expect(T).toBe(PERSON_MATCH_THRESHOLD);
    expect(T).toBeGreaterThan(0.5);
    expect(T).toBeLessThan(1);
  });
});

describe("scorePersons: the same person", () => {
  it.each([
    ["Latin vs Cyrillic", person("Marko Petrović", { dateOfBirth: "1985-03-12" }), person("Марко Петровић", { dateOfBirth: "1985-03-12" })],
    ["Latin vs Greek", person("Georgios Papadopoulos"), person("Γεώργιος Παπαδόπουλος")],
    ["Cyrillic vs Greek", person("Димитриос Николау", { birthYear: 1977 }), person("Δημήτριος Νικολάου", { birthYear: 1977 })],
    ["Arabic vs Latin", person("محمد الحسن", { dateOfBirth: "1990-03-15" }), person("Mohamed Al Hassan", { dateOfBirth: "1990-03-15" })],
    ["Arabic vs Cyrillic", person("محمد الحسن"), person("Мохамед Ал-Хасан")],
    ["Mohammed / Muhammad", person("Muhammad Karimi", { dateOfBirth: "1996-05-01" }), person("Mohammed Karimi", { dateOfBirth: "1996-05-01" })],
    ["Mohamed / Mohamad", person("Mohamad Haidari"), person("Muhamed Haidari")],
    ["swapped order", person("PETROVIĆ Marko", { dateOfBirth: "1985-03-12" }), person("Marko Petrović", { dateOfBirth: "1985-03-12" })],
    ["typo with the same date", person("Marko Petrovic", { dateOfBirth: "1985-03-12" }), person("Marko Petorvic", { dateOfBirth: "1985-03-12" })],
    ["typo with the same year", person("Besnik Krasniqi", { birthYear: 1986 }), person("Besnik Krasniqui", { birthYear: 1986 })],
    ["missing middle name", person("Mohammad Hassan Rahimi", { dateOfBirth: "1995-02-28" }), person("Mohammad Rahimi", { dateOfBirth: "1995-02-28" })],
    ["compound surname", person("Ana Petrović-Jovanović", { dateOfBirth: "1990-05-05" }), person("Ana Petrović", { dateOfBirth: "1990-05-05" })],
    ["alias", person(["Ahmed Karimi", "Abu Yusuf"], { dateOfBirth: "1984-03-10" }), person("Abu Yusuf", { dateOfBirth: "1984-03-10" })],
    ["day and month swapped", person("Besim Rama", { dateOfBirth: "1990-03-05" }), person("Besim Rama", { dateOfBirth: "1990-05-03" })],
    ["1 January placeholder", person("Ahmad Sultani", { dateOfBirth: "1998-01-01" }), person("Ahmad Sultani", { dateOfBirth: "1998-07-14" })],
    ["cognate name, same date", person("Mehmed Hodžić", { dateOfBirth: "1980-06-16" }), person("Muhamed Hodžić", { dateOfBirth: "1980-06-16" })],
  ])("%s", (_label, a, b) => {
    const { score } = scorePersons(a, b);
    expect(score).toBeGreaterThanOrEqual(T);
    expect(scorePersons(b, a).score).toBeCloseTo(score, 6);
  });
});

describe("scorePersons: different persons", () => {
  it.each([
    ["similar surname", person("Marko Petrović"), person("Marko Petrovski")],
    ["similar surname, same year", person("Marko Petrović", { birthYear: 1985 }), person("Marko Petrov", { birthYear: 1985 })],
    ["same surname, other given name", person("Marko Petrović"), person("Milan Petrović")],
    ["twins", person("Ana Jovanović", { dateOfBirth: "1998-02-14" }), person("Ivana Jovanović", { dateOfBirth: "1998-02-14" })],
    ["Hasan / Husein twins", person("Hasan Hodžić", { dateOfBirth: "1990-09-09" }), person("Husein Hodžić", { dateOfBirth: "1990-09-09" })],
    ["Ahmed / Mohamed", person("Ahmed Hassan"), person("Mohamed Hassan")],
    ["male and female forms", person("Ivan Petrov", { sex: "m" }), person("Ivana Petrova", { sex: "f" })],
    ["one letter, no date to confirm", person("Karim Mansour"), person("Karim Mansouri")],
    ["years far apart", person("Zoran Nikolić", { birthYear: 1962 }), person("Zoran Nikolić", { birthYear: 1995 })],
  ])("%s", (_label, a, b) => {
    expect(scorePersons(a, b).score).toBeLessThan(T);
  });
});

describe("scorePersons: date of birth", () => {
  const name = "Marko Petrović";
  it("ranks a namesake with another date clearly lower", () => {
    const sameDob = scorePersons(person(name, { dateOfBirth: "1985-03-12" }), person("Марко Петровић", { dateOfBirth: "1985-03-12" }));
    const otherDob = scorePersons(person(name, { dateOfBirth: "1985-03-12" }), person("Марко Петровић", { dateOfBirth: "1979-10-02" }));
    expect(sameDob.score).toBeGreaterThanOrEqual(0.9);
    expect(otherDob.score).toBeLessThanOrEqual(0.6);
    expect(otherDob.reasons).toContainEqual({ code: "different_date_of_birth" });
  });

  it("boosts a weaker name agreement with the same date", () => {
    const withDate = scorePersons(person("Hamid Noori", { dateOfBirth: "1995-09-09" }), person("Hamid Nouri", { dateOfBirth: "1995-09-09" }));
    const without = scorePersons(person("Hamid Noori"), person("Hamid Nouri"));
    expect(withDate.score).toBeGreaterThanOrEqual(without.score);
  });

  it("only the years count when one date is 1 January", () => {
    const r = scorePersons(person(name, { dateOfBirth: "1985-01-01" }), person(name, { dateOfBirth: "1985-06-30" }));
    expect(r.reasons.map((x) => x.code)).toEqual(["names_similar", "date_of_birth_placeholder", "same_birth_year"]);
  });

  it("a year one apart is a small penalty, further apart a large one", () => {
    const one = scorePersons(person(name, { birthYear: 1985 }), person(name, { birthYear: 1986 }));
    const ten = scorePersons(person(name, { birthYear: 1985 }), person(name, { birthYear: 1995 }));
    expect(one.score).toBeGreaterThanOrEqual(T);
    expect(ten.score).toBeLessThan(0.7);
  });

  it("compares a full date with a year", () => {
    const r = scorePersons(person(name, { dateOfBirth: "1985-03-12" }), person(name, { birthYear: 1985 }));
    expect(r.reasons).toContainEqual({ code: "same_birth_year" });
  });

  it("without dates, names that differ in spelling are not a hit", () => {
    const r = scorePersons(person("Arben Hoxha"), person("Arben Hoxa"));
    expect(r.score).toBeLessThan(T);
    expect(r.reasons).toContainEqual({ code: "spelling_not_confirmed" });
    // but the same pair with a date of birth is
    expect(scorePersons(person("Arben Hoxha", { dateOfBirth: "1988-03-03" }), person("Arben Hoxa", { dateOfBirth: "1988-03-03" })).score).toBeGreaterThanOrEqual(T);
  });
});

describe("scorePersons: reasons", () => {
  it("are structured codes for translation, with no record content", () => {
    const r = scorePersons(
      person("Марко Петровић", { dateOfBirth: "1985-03-12", nationality: "RS", sex: "m" }),
      person("Marko Petrović", { dateOfBirth: "1985-03-12", nationality: "ME", sex: "f" }),
    );
    expect(r.reasons).toEqual([
      { code: "names_similar", value: 1, detail: "after_transliteration" },
      { code: "same_date_of_birth" },
      { code: "different_nationality" },
      { code: "different_sex" },
    ]);
    expect(r.score).toBeCloseTo(0.85, 3);
  });

  it("reports different names below the floor", () => {
    const r = scorePersons(person("Marko Petrović"), person("Ahmad Rahimi"));
    expect(r.reasons[0]).toMatchObject({ code: "names_different" });
    expect(r.score).toBeLessThan(0.5);
  });

  it("keeps the score within 0..1", () => {
    for (const [a, b] of [
      [person("A"), person("B")],
      [person("Marko Petrović", { dateOfBirth: "1985-03-12" }), person("Marko Petrović", { dateOfBirth: "1985-03-12" })],
      [person(""), person("Marko")],
    ] as const) {
      const { score } = scorePersons(a, b);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
