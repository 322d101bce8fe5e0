import { describe, expect, it } from "vitest";
import { analyseName, foldName, nameSimilarity } from "../../app/domain/deconfliction/matching/names";
import { foldLatin, scriptsOf, toLatin } from "../../app/domain/deconfliction/matching/transliterate";

describe("Cyrillic", () => {
  it.each([
    // Serbian
    ["Марко Петровић", "marko petrovic"],
    ["Ђорђе Џаковић", "djordje dzakovic"],
    ["Љубица Њежић", "ljubica njezic"],
    ["Јелена Шарчевић", "jelena sarcevic"],
    // Macedonian ќ ѓ ѕ џ
    ["Ѓорѓи Ќурчиски", "gjorgji kjurciski"],
    ["Ѕвезда Џонова", "dzvezda dzonova"],
    // Bulgarian: ъ is a vowel, щ
    ["Петър Стоянов", "petar stojanov"],
    ["Любомир Кънчев", "ljubomir kancev"],
    ["Йордан Щерев", "jordan scerev"],
    // Russian: ё, ы, soft and hard signs
    ["Никита Хрущёв", "nikita hruscev"],
    ["Наталья Морозова", "natalja morozova"],
    ["Юрий Гагарин", "jurij gagarin"],
    ["Дарья Быстрова", "darja bystrova"],
    ["Подъячев", "podjacev"],
    // Ukrainian: г → h, и → y, і, ї, є, ґ — for the whole name
    ["Ірина Григоренко", "iryna hryhorenko"],
    ["Олександр Ґудзь", "oleksandr gudz"],
    ["Їжакевич Євген", "jizakevyc jevhen"],
  ])("%s → %s", (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});

describe("Greek", () => {
  it.each([
    ["Γεώργιος Παπαδόπουλος", "georgios papadopoulos"],
    ["ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", "georgios papadopoulos"],
    ["Νικόλαος Οικονόμου", "nikolaos ikonomou"], // οι → i
    ["Ειρήνη Καραγιάννη", "irini karagianni"], // ει → i
    ["Αικατερίνη", "aikaterini"], // αι → ai
    ["Ευάγγελος", "evangelos"], // ευ before a voiced sound → ev, γγ → ng
    ["Ευτυχία", "eftychia"], // ευ before a voiceless one → ef
    ["Μπακογιάννης", "bakogiannis"], // μπ at the start → b
    ["Λαμπράκη", "lampraki"], // μπ inside → mp
    ["Ντόκος", "dokos"], // ντ at the start → d
    ["Γκίκας", "gikas"], // γκ at the start → g
    ["Αθανάσιος Χριστοδούλου", "athanasios christodoulou"],
    ["Ξενοφών Ψαράς", "xenofon psaras"],
    ["Νικολαΐδης", "nikolaidis"], // dialytika: no digraph
    ["Κάιρο", "kairo"], // accent on the first vowel: no digraph
    ["Σωκράτης", "sokratis"], // final sigma
  ])("%s → %s", (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});

describe("Arabic and Persian", () => {
  it.each([
    ["محمد", "mhmd"],
    ["محمد الحسن", "mhmd al hsn"], // the article becomes a separate particle
    ["علي", "ali"],
    ["عمر", "amr"],
    ["يوسف", "yusf"],
    ["حسين", "hsin"],
    ["إبراهيم", "ibrahim"],
    ["فاطمة", "fatma"],
    ["إسماعيل", "ismail"],
    ["مصطفى", "mstfa"],
    ["خالد", "khald"],
    ["مُحَمَّد", "muhammad"], // written short vowels and shadda are honoured
    ["احمد شاه رحیمی", "ahmd shah rhimi"], // Persian yeh
    ["نبی‌زاده", "nbizadh"], // zero-width non-joiner joins
  ])("%s → %s", (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });

  it("marks Arabic-script parts as unvocalised", () => {
    expect(analyseName("محمد Smith").tokens.map((t) => t.abjad)).toEqual([true, false]);
  });

  it.each([
    ["محمد الحسن", "Mohamed Al Hassan"],
    ["أحمد محمود", "Ahmed Mahmoud"],
    ["عمر خالد", "Omar Khaled"],
    ["يوسف إبراهيم", "Youssef Ibrahim"],
  ])("%s ≈ %s", (arabic, latin) => {
    expect(nameSimilarity(arabic, latin)).toBeGreaterThanOrEqual(0.9);
  });
});

describe("Latin folding", () => {
  it.each([
    ["ć č š ž đ", "c c s z dj"],
    ["ë ç", "e c"],
    ["ő ű ä ö ü", "o u a o u"],
    ["ß", "ss"],
    ["Łódź Øresund Æbleskiver", "lodz oresund aebleskiver"],
    ["İstanbul Işık", "istanbul isik"],
  ])("%s → %s", (input, expected) => {
    expect(foldLatin(input)).toBe(expected);
  });

  it.each([
    ["O'Brien", "obrien"],
    ["Al-Hassan", "al hassan"],
    ["Petrović-Jovanović, Ana", "petrovic jovanovic ana"],
    ["  MÜLLER   Hans ", "muller hans"],
  ])("%s → %s", (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});

describe("scripts", () => {
  it("names the scripts of a text", () => {
    expect([...scriptsOf("Marko Марко Μάρκος محمد")].sort()).toEqual(["arabic", "cyrillic", "greek", "latin"]);
  });

  it("leaves Latin text alone except for case", () => {
    expect(toLatin("Petrović")).toBe("petrović");
  });
});
