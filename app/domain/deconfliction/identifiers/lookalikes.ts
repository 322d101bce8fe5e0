/**
 * Upper-case Cyrillic and Greek letters that plates and document numbers use
 * because they look like Latin ones (Serbian, Bulgarian, Ukrainian, Russian
 * and Greek plates and Greek identity-card series), mapped to the Latin
 * letter they stand for. A number typed with the "wrong" keyboard then gives
 * the same key. The Serbian Latin letters with diacritics that appear on
 * plates (ČA, ŠA, ĐA…) are folded as foreign registers write them, and the
 * Serbian Cyrillic spellings of those letters likewise.
 */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", У: "Y",
  І: "I", Ј: "J", Ѕ: "S",
  // Greek
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T",
  Υ: "Y", Χ: "X",
  // Serbian letters as foreign registers write them
  Č: "C", Ć: "C", Š: "S", Ž: "Z", Đ: "D", Ч: "C", Ћ: "C", Ш: "S", Ж: "Z", Ђ: "D",
};

/**
 * Upper-cases, strips accents from Greek (tonos) and maps look-alike letters.
 * Letters without a Latin look-alike are left as they are, for the caller to
 * reject.
 */
export function mapLookalikes(text: string): string {
  const upper = text
    .normalize("NFD")
    .replace(/[\u0301\u0308\u0344]/g, "")
    .normalize("NFC")
    .toUpperCase();
  let out = "";
  for (const ch of upper) out += LOOKALIKES[ch] ?? ch;
  return out;
}
