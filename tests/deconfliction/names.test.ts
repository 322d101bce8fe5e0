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
    expect(latin).toContain("p:dm:HSN+dm:MHMT"); // the particle is dropped for blocking...
    expect(latin).toContain("p:dm:ALSN+dm:MHMT"); // ...and kept
    expect(latin).toContain("p:vc:hassan+vc:mohammed");
    expect(latin).toContain("vc:mohammed:1990");
    expect(arabic).toContain("p:vc:hassan+vc:mohammed");
    expect(arabic).toContain("p:dm:ALSN+vc:mohammed");
    // unvocalised: Double Metaphone of "hsn" is not that of "hassan", the consonants are
    expect(arabic).not.toContain("p:dm:HSN+vc:mohammed");
    expect(arabic).toContain("p:cs:hsn+vc:mohammed");
    expect(latin).toContain("p:cs:hsn+vc:mohammed");
  });

  it("pairs PostgreSQL's codes of two parts, whatever their order", () => {
    const keys = personBlockingKeys({ names: ["Petrović Marko"] });
    expect(keys).toContain("p:dm:MRK+dm:PTRF");
    const pairs = (k: string[]) => k.filter((x) => x.startsWith("p:"));
    expect(pairs(keys)).toEqual(pairs(personBlockingKeys({ names: ["Marko Petrović"] })));
  });

  it("pairs parts that agree in different ways", () => {
    // Mohamed/Muhammad agree by variant class, Petrović/Petrovic by sound
    const a = personBlockingKeys({ names: ["Mohamed Petrović"] });
    const b = personBlockingKeys({ names: ["Muhammad Petrovic"] });
    expect(a).toContain("p:dm:PTRF+vc:mohammed");
    expect(b).toContain("p:dm:PTRF+vc:mohammed");
  });

  it("gives a name of several parts no key of one part alone", () => {
    // every Petrović or Marko would otherwise be a candidate of every other
    const keys = personBlockingKeys({ names: ["Marko Petrović", "Marko Nikola Petrović"] });
    expect(keys.filter((k) => /^(dm|vc):/.test(k))).toEqual([]);
    expect(keys.filter((k) => k.startsWith("cs:"))).toEqual(["cs:mrkptrvk"]); // written together, below
    expect(keys).toContain("p:dm:MRK+dm:NKL");
  });

  it("keys a single part on its own, and ignores initials", () => {
    expect(personBlockingKeys({ names: ["M. Petrović"] })).toEqual(["cs:ptrvk", "dm:PTRF"]);
    expect(personBlockingKeys({ names: ["Petrović"] })).toEqual(["cs:ptrvk", "dm:PTRF"]);
  });

  it("meets a name of two parts written as one word", () => {
    const apart = personBlockingKeys({ names: ["Hadad Zadeh"] });
    const together = personBlockingKeys({ names: ["Hadadzadeh"] });
    expect(apart.filter((k) => together.includes(k))).toEqual(["cs:hddzd"]);
    // and a merged pair still pairs with the other parts
    expect(personBlockingKeys({ names: ["Ali Hadad Zadeh"] })).toContain("p:cs:hddzd+dm:AL");
  });

  it("adds one part's codes with the birth year when known", () => {
    const keys = personBlockingKeys({ names: ["Ana Jovanović"], dateOfBirth: "1998-02-14" });
    expect(keys).toContain("p:dm:AN+dm:JFNF");
    expect(keys).toContain("dm:JFNF:1998");
    expect(keys).toContain("dm:AN:1998");
    expect(keys).not.toContain("dm:JFNF");
    expect(personBlockingKeys({ names: ["Ana Jovanović"], birthYear: 1998 })).toEqual(keys);
    expect(personBlockingKeys({ names: ["Ana Jovanović"] }).some((k) => k.endsWith(":1998"))).toBe(false);
  });
});
