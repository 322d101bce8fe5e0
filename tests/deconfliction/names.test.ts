import { describe, expect, it } from "vitest";
import {
  analyseName,
  compareNames,
  nameSimilarity,
  personBlockingKeys,
  skeleton,
  variantClassOf,
  variantCollisions,
} from "../../app/domain/deconfliction/matching/names";
import { NAME_VARIANT_CLASSES } from "../../app/domain/deconfliction/matching/variants";

describe("particles", () => {
  it('treats "Al-Hassan", "Al Hassan", "El-Hassan" and "Alhassan" as one name', () => {
    for (const other of ["Al Hassan", "El-Hassan", "Alhassan", "al-hassan", "AL HASSAN", "الحسن"]) {
      expect(nameSimilarity("Mohamed Al-Hassan", `Mohamed ${other}`)).toBeGreaterThanOrEqual(0.96);
    }
  });

  it('finds "Hassan" in "Al-Hassan", a little less sure', () => {
    const s = nameSimilarity("Mohamed Al-Hassan", "Mohamed Hassan");
    expect(s).toBeGreaterThanOrEqual(0.95);
    expect(s).toBeLessThan(1);
    expect(nameSimilarity("Mohamed Alhassan", "Mohamed Hassan")).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ["Ahmed bin Saleh", "Ahmed Saleh"],
    ["Yusuf Ibn Rashid", "Yusuf Bin Rashid"],
    ["Omar Abu Bakr", "Omar Abubakr"],
    ["Hans van der Berg", "Hans Vanderberg"],
    ["Maria de Souza", "Maria Souza"],
    ["Abd al-Rahman Haddad", "Abdulrahman Haddad"],
    ["Abdel Aziz Nasser", "Abdulaziz Nasser"],
    ["Abdurrahman Haddad", "Abdul Rahman Haddad"],
  ])("%s ≈ %s", (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(0.95);
  });

  it("attaches particles to the next part, keeping the core", () => {
    const [given, family] = analyseName("Mohamed Al-Hassan").tokens;
    expect(given!.text).toBe("mohamed");
    expect(family).toMatchObject({ text: "alhassan", core: "hassan", particle: "al" });
  });
});

describe("variant classes", () => {
  it.each([
    ["Mohammed", "Muhammad", "Mohamed", "Mohamad", "Muhamed", "Мухаммед", "Мохамед", "محمد"],
    ["Ahmed", "Ahmad", "Akhmed", "أحمد"],
    ["Hussein", "Husein", "Hussain", "Hüseyin", "حسين"],
    ["Yusuf", "Youssef", "Jusuf", "يوسف"],
    ["Omar", "Umar", "عمر"],
    ["Abdullah", "Abdulla", "Abdallah", "عبدالله", "عبد الله"],
    ["Ibrahim", "Ebrahim", "إبراهيم"],
    ["Aleksandar", "Alexander", "Aleksander", "Александар", "Αλέξανδρος", "Олександр"],
    ["Nikola", "Nicolas", "Nikolaos", "Νικόλαος", "Nikos"],
    ["Ioannis", "Giannis", "Γιάννης", "Ιωάννης"],
    ["Georgios", "Giorgos", "George", "Đorđe", "Djordje", "Gjergj", "Γεώργιος", "Ђорђе"],
    ["Dimitrios", "Dimitar", "Dmitri", "Δημήτριος", "Дмитрий"],
    ["Maria", "Mariya", "Marija", "Μαρία"],
    ["Elena", "Jelena", "Helena", "Ελένη"],
  ])("%s and its spellings share a class", (...names) => {
    const classes = new Set(names.map((n) => analyseName(n).tokens[0]!.forms[0]!.variant));
    expect(classes.size).toBe(1);
    expect([...classes][0]).toBeDefined();
  });

  it("keeps names that are distinct in one language apart (cognates only)", () => {
    expect(variantClassOf("jovan")).not.toBe(variantClassOf("ivan"));
    expect(variantClassOf("mehmed")).not.toBe(variantClassOf("muhamed"));
    expect(variantClassOf("yusuf")).not.toBe(variantClassOf("josef"));
    expect(nameSimilarity("Ivan Horvat", "Jovan Horvat")).toBeLessThan(0.85);
    expect(nameSimilarity("Ivan Horvat", "Jovan Horvat")).toBeGreaterThan(nameSimilarity("Marko Horvat", "Jovan Horvat"));
  });

  it("does not take two known names for a typo of each other", () => {
    expect(nameSimilarity("Goran Nikolić", "Zoran Nikolić")).toBeLessThan(0.8);
    expect(nameSimilarity("Jovan Ilić", "Jovana Ilić")).toBeLessThan(0.8);
    expect(nameSimilarity("Khaled Al-Ali", "Khalil Al-Ali")).toBeLessThan(0.8);
  });

  it("has no spelling claimed by two classes, and every entry is one name part", () => {
    expect(variantCollisions()).toEqual([]);
    expect(NAME_VARIANT_CLASSES.length).toBeGreaterThanOrEqual(40);
  });
});

describe("name comparison", () => {
  it.each([
    ["Marko Petrović", "Petrović Marko", 1],
    ["Marko Petrović", "PETROVIC, Marko", 1],
    ["Марко Петровић", "Marko Petrovic", 1],
    ["Γεώργιος Παπαδόπουλος", "Georgios Papadopoulos", 1],
    ["Никита Хрущёв", "Nikita Khrushchev", 1],
  ])("%s = %s", (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(expected, 5);
  });

  it.each([
    ["Marko Jovan Petrović", "Marko Petrović"], // missing middle name
    ["Ana Petrović-Jovanović", "Ana Petrović"], // compound surname
    ["Ana Petrović Jovanović", "Ana Petrović-Jovanović"],
    ["Marko Petrovic", "Marko Petorvic"], // typo
    ["Aleksandar Jovanovic", "Aleksandar Jovanovich"],
    ["Ali Reza Mohammadi", "Alireza Mohammadi"], // written together
  ])("%s ≈ %s", (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ["Marko Petrović", "Marko Petrovski"],
    ["Marko Petrović", "Marko Petrov"],
    ["Nikola Jovanović", "Nikola Jovanovski"],
    ["Marko Petrović", "Milan Petrović"],
    ["Ahmed Hassan", "Mohamed Hassan"],
    ["Hussein Ali", "Hassan Ali"],
    ["Ahmad Rahimi", "Ahmad Karimi"],
  ])("%s is not %s", (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(0.85);
  });

  it("reports how the names were found similar", () => {
    expect(compareNames(analyseName("Marko Petrović"), analyseName("Marko Petrović")).detail).toBe("exact");
    expect(compareNames(analyseName("Марко Петровић"), analyseName("Marko Petrović")).detail).toBe("after_transliteration");
    expect(compareNames(analyseName("Muhammad Karimi"), analyseName("Mohammed Karimi")).detail).toBe("name_variant");
    expect(compareNames(analyseName("Marko Petrovic"), analyseName("Marko Petorvic")).detail).toBe("spelling");
  });

  it("counts parts that agree only approximately", () => {
    expect(compareNames(analyseName("Arben Hoxha"), analyseName("Arben Hoxa")).spellingDifferences).toBe(1);
    expect(compareNames(analyseName("Арбен Хоџа"), analyseName("Arben Hodža")).spellingDifferences).toBe(0);
    expect(compareNames(analyseName("محمد الحسن"), analyseName("Mohamed Al Hassan")).spellingDifferences).toBe(0);
  });

  it("skeleton erases transliteration differences", () => {
    expect(skeleton("khrushchev")).toBe(skeleton("hruscev"));
    expect(skeleton("tsvetkov")).toBe(skeleton("cvetkov"));
    expect(skeleton("yusuf")).toBe(skeleton("jusuf"));
    expect(skeleton("papadopoulos")).toBe(skeleton("papadopulos"));
    expect(skeleton("oikonomou")).toBe(skeleton("ikonomou"));
  });
});

describe("personBlockingKeys", () => {
  it("gives Latin, Cyrillic and Arabic spellings of one person a shared key", () => {
    const latin = personBlockingKeys({ names: ["Mohamed Al Hassan"], birthYear: 1990 });
    const cyrillic = personBlockingKeys({ names: ["Мохамед Ал-Хасан"], dateOfBirth: "1990-03-15" });
    const arabic = personBlockingKeys({ names: ["محمد الحسن"] });
    expect(latin).toEqual(cyrillic);
    expect(latin).toContain("dm:MHMT");
    expect(latin).toContain("dm:HSN"); // the particle is dropped for blocking...
    expect(latin).toContain("dm:ALSN"); // ...and kept
    expect(latin).toContain("vc:mohammed");
    expect(latin).toContain("vc:mohammed:1990");
    expect(arabic).toContain("vc:mohammed");
    expect(arabic).toContain("dm:ALSN");
    // unvocalised: Double Metaphone of "hsn" is not that of "hassan", the consonants are
    expect(arabic).not.toContain("dm:HSN");
    expect(arabic).toContain("cs:hsn");
    expect(latin).toContain("cs:hsn");
  });

  it("uses PostgreSQL's codes for each folded part", () => {
    expect(personBlockingKeys({ names: ["Petrović Marko"] }).filter((k) => k.startsWith("dm:"))).toEqual(["dm:MRK", "dm:PTRF"]);
  });

  it("ignores initials", () => {
    expect(personBlockingKeys({ names: ["M. Petrović"] })).toEqual(["cs:ptrvk", "dm:PTRF"]);
  });

  it("qualifies keys with the birth year when known", () => {
    const keys = personBlockingKeys({ names: ["Ana Jovanović"], dateOfBirth: "1998-02-14" });
    expect(keys).toContain("dm:JFNF");
    expect(keys).toContain("dm:JFNF:1998");
    expect(keys.filter((k) => !k.endsWith(":1998")).length * 2).toBe(keys.length);
  });
});
