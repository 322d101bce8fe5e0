/**
 * Script-aware transliteration to Latin, and folding of Latin to plain ASCII.
 *
 * The goal is convergence, not a scholarly romanisation: a name written in
 * Cyrillic, Greek or Arabic script should land as close as possible to the
 * Latin spelling an officer would find in a passport or a foreign file, so
 * that the fuzzy comparison in names.ts has little left to bridge.
 *
 * - Cyrillic goes through the Serbian/Croatian Latin letters (č ć š ž đ dž lj
 *   nj j), which fold to c c s z dj dz lj nj j. Ukrainian text (і ї є ґ
 *   present) uses г→h and и→y as Ukrainian passports do; Bulgarian ъ is a
 *   vowel (a) unless it only separates before е/ё/ю/я (Russian hard sign);
 *   Macedonian ќ ѓ ѕ → kj gj dz as in Macedonian passports.
 * - Greek follows ELOT 743 (the passport standard) with the digraphs the
 *   passport spelling and everyday spelling agree on: ου→ou, ει/οι/υι→i,
 *   αι→ai, αυ/ευ→av/af ev/ef, γγ→ng, and μπ→b, ντ→d, γκ→g at the start of a
 *   word (mp, nt, gk inside it). A letter with tonos or dialytika does not
 *   form a digraph (Greek puts the accent on the second letter of one).
 * - Arabic (and the Persian/Urdu extra letters) is romanised consonant by
 *   consonant; alif/wāw/yā' give the long vowels a/u/i (w/y at the start of a
 *   word or next to a vowel), the written short-vowel marks are honoured when
 *   present, shadda doubles, and the article ال at the start of a word becomes
 *   a separate "al-" so names.ts can treat it like the Latin particle.
 *   Short vowels are normally not written, so the result is a consonant
 *   skeleton ("محمد" → "mhmd"): names.ts compares such tokens by consonants.
 *
 * Everything returned is lower-case.
 */

export type Script = "latin" | "cyrillic" | "greek" | "arabic" | "other";

const CYRILLIC_RE = /[\u0400-\u04ff\u0500-\u052f]/;
const GREEK_RE = /[\u0370-\u03ff\u1f00-\u1fff]/;
const ARABIC_RE = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const LATIN_RE = /[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]/;

/** The scripts that occur in a text (letters only). */
export function scriptsOf(text: string): Set<Script> {
  const out = new Set<Script>();
  for (const ch of text) {
    if (CYRILLIC_RE.test(ch)) out.add("cyrillic");
    else if (GREEK_RE.test(ch)) out.add("greek");
    else if (ARABIC_RE.test(ch)) out.add("arabic");
    else if (LATIN_RE.test(ch)) out.add("latin");
    else if (/\p{L}/u.test(ch)) out.add("other");
  }
  return out;
}

export function hasArabic(text: string): boolean {
  return ARABIC_RE.test(text);
}

// ---------------------------------------------------------------- Cyrillic

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", ђ: "đ", е: "e", ё: "e", ж: "ž", з: "z", и: "i", й: "j", ј: "j",
  к: "k", л: "l", љ: "lj", м: "m", н: "n", њ: "nj", о: "o", п: "p", р: "r", с: "s", т: "t", ћ: "ć",
  у: "u", ў: "u", ф: "f", х: "h", ц: "c", ч: "č", џ: "dž", ш: "š", щ: "šč", ы: "y", ь: "", э: "e",
  ю: "ju", я: "ja", є: "je", і: "i", ї: "ji", ґ: "g", ќ: "kj", ѓ: "gj", ѕ: "dz",
};

function cyrillicToLatin(text: string, context: string): string {
  const lower = text.toLowerCase();
  const ukrainian = /[іїєґІЇЄҐ]/.test(context);
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    if (ch === "ъ") {
      // Russian hard sign only separates before a iotated vowel; in Bulgarian it is a vowel.
      out += /[еёюя]/.test(lower[i + 1] ?? "") ? "" : "a";
      continue;
    }
    if (ukrainian) {
      if (ch === "г") { out += "h"; continue; }
      if (ch === "и") { out += "y"; continue; }
    }
    const mapped = CYRILLIC[ch];
    out += mapped ?? ch;
  }
  return out;
}

// ---------------------------------------------------------------- Greek

const GREEK: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m",
  ν: "n", ξ: "x", ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
  ϐ: "v", ϑ: "th", ϒ: "y", ϕ: "f", ϖ: "p", ϰ: "k", ϱ: "r", ϲ: "s",
};
const GREEK_VOICELESS = new Set(["θ", "κ", "ξ", "π", "σ", "ς", "τ", "φ", "χ", "ψ"]);

interface GreekChar {
  base: string;
  accent: boolean;
  diaeresis: boolean;
  greek: boolean;
}

function greekToLatin(text: string): string {
  const chars: GreekChar[] = [];
  for (const ch of text.toLowerCase().normalize("NFD")) {
    if (/[\u0300-\u036f]/.test(ch)) {
      const prev = chars[chars.length - 1];
      if (prev) {
        if (ch === "\u0308") prev.diaeresis = true;
        else prev.accent = true;
      }
      continue;
    }
    chars.push({ base: ch, accent: false, diaeresis: false, greek: ch in GREEK });
  }
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!c.greek) {
      out += c.base;
      continue;
    }
    const n = chars[i + 1];
    const nn = chars[i + 2];
    const atStart = i === 0 || !chars[i - 1]!.greek;
    const pair = n && n.greek ? c.base + n.base : "";
    // A digraph exists only when the first letter carries no accent and the
    // second no dialytika.
    const vowelDigraph = pair !== "" && !c.accent && !n!.diaeresis;
    if (vowelDigraph && pair === "ου") { out += "ou"; i++; continue; }
    if (vowelDigraph && (pair === "ει" || pair === "οι" || pair === "υι")) { out += "i"; i++; continue; }
    if (vowelDigraph && pair === "αι") { out += "ai"; i++; continue; }
    if (vowelDigraph && (pair === "αυ" || pair === "ευ" || pair === "ηυ")) {
      const voiceless = !nn || !nn.greek || GREEK_VOICELESS.has(nn.base);
      out += (c.base === "α" ? "a" : c.base === "ε" ? "e" : "i") + (voiceless ? "f" : "v");
      i++;
      continue;
    }
    if (pair === "μπ") { out += atStart ? "b" : "mp"; i++; continue; }
    if (pair === "ντ") { out += atStart ? "d" : "nt"; i++; continue; }
    if (pair === "γκ") { out += atStart ? "g" : "gk"; i++; continue; }
    if (pair === "γγ") { out += "ng"; i++; continue; }
    if (pair === "γξ") { out += "nx"; i++; continue; }
    if (pair === "γχ") { out += "nch"; i++; continue; }
    out += GREEK[c.base] ?? c.base;
  }
  return out;
}

// ---------------------------------------------------------------- Arabic

const ARABIC: Record<string, string> = {
  ب: "b", ت: "t", ث: "th", ج: "j", ح: "h", خ: "kh", د: "d", ذ: "dh", ر: "r", ز: "z", س: "s", ش: "sh",
  ص: "s", ض: "d", ط: "t", ظ: "z", غ: "gh", ف: "f", ق: "q", ك: "k", ل: "l", م: "m", ن: "n", ه: "h",
  ة: "a", ى: "a", ء: "", ئ: "i", ؤ: "u", أ: "a", إ: "i", آ: "a", ٱ: "a",
  // Persian / Urdu
  پ: "p", چ: "ch", ژ: "zh", گ: "g", ک: "k", ڤ: "v", ھ: "h", ۀ: "a", ے: "e",
};
const ARABIC_LETTER_RE = /[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]/;
const HARAKAT: Record<string, string> = {
  "\u064e": "a", // fatha
  "\u064f": "u", // damma
  "\u0650": "i", // kasra
  "\u0670": "a", // superscript alif
  "\u064b": "", "\u064c": "", "\u064d": "", // tanwin
  "\u0652": "", // sukun
};
const SHADDA = "\u0651";
const TATWEEL = "\u0640";

function isArabicLetter(ch: string | undefined): boolean {
  return ch !== undefined && ARABIC_LETTER_RE.test(ch);
}

function arabicWordToLatin(word: string): string {
  // Strip tatweel; keep harakat for look-ahead decisions.
  const w = [...word.replace(new RegExp(TATWEEL, "g"), "")];
  let out = "";
  let i = 0;
  // The definite article written at the start of a word.
  const letters = w.filter((c) => isArabicLetter(c));
  if (w[0] === "ا" && w[1] === "ل" && letters.length > 3) {
    out = "al-";
    i = 2;
  }
  const startOfStem = i;
  for (; i < w.length; i++) {
    const ch = w[i]!;
    const next = w[i + 1];
    const prev = i > startOfStem ? w[i - 1] : undefined;
    if (ch in HARAKAT) {
      out += HARAKAT[ch];
      continue;
    }
    if (ch === SHADDA) continue; // handled with its consonant below

    const atStart = i === startOfStem;
    let piece: string;
    switch (ch) {
      case "ا":
        piece = "a";
        break;
      case "ع":
        // ʿayn: a vowel is what Latin spellings write at the start (Ali, Omar).
        piece = atStart ? "a" : "";
        break;
      case "و":
        piece = atStart || next === "ا" || next === "\u064e" || prev === "ا" ? "w" : "u";
        break;
      case "ي":
      case "ی":
        piece = atStart || next === "ا" || next === "و" || next === "\u064e" || prev === "ا" ? "y" : "i";
        break;
      default:
        piece = ARABIC[ch] ?? (/[\u0660-\u0669]/.test(ch) ? String(ch.charCodeAt(0) - 0x0660) : /[\u06f0-\u06f9]/.test(ch) ? String(ch.charCodeAt(0) - 0x06f0) : ch);
    }
    // shadda doubles the consonant; it may come before or after the vowel mark
    let j = i + 1;
    let doubled = false;
    while (j < w.length && (w[j] === SHADDA || w[j]! in HARAKAT)) {
      if (w[j] === SHADDA) doubled = true;
      j++;
    }
    out += doubled && piece && !/^[aeiou]$/.test(piece) ? piece + piece : piece;
  }
  return out;
}

function arabicToLatin(text: string): string {
  return text.replace(/[\u0600-\u06ff\u0750-\u077f]+/g, (word) => arabicWordToLatin(word));
}

// ---------------------------------------------------------------- folding

const SPECIAL_FOLD: Record<string, string> = {
  đ: "dj", ð: "d", ß: "ss", ẞ: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", ı: "i", þ: "th", ħ: "h",
  ŧ: "t", ŋ: "ng", ſ: "s", ʻ: "", ʼ: "", ʿ: "", ʾ: "", "’": "", "‘": "", "`": "", "´": "",
};

/** Latin with diacritics → plain lower-case ASCII letters (other characters kept). */
export function foldLatin(text: string): string {
  let s = text.toLowerCase();
  s = s.replace(/[đðßẞæœøłıþħŧŋſʻʼʿʾ’‘`´]/g, (c) => SPECIAL_FOLD[c] ?? c);
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/**
 * Any supported script → lower-case Latin (diacritics possible: č, š, ž …).
 * `context` is the whole text a word came from, for choosing the Cyrillic
 * language (a Ukrainian letter anywhere in a name makes all of it Ukrainian).
 */
export function toLatin(text: string, context: string = text): string {
  let s = text.normalize("NFC");
  if (CYRILLIC_RE.test(s)) s = cyrillicToLatin(s, context);
  if (GREEK_RE.test(s)) s = greekToLatin(s);
  if (ARABIC_RE.test(s)) s = arabicToLatin(s);
  return s.toLowerCase();
}

/** Transliterate and fold: the common ASCII form of names, companies, addresses. */
export function toAsciiLower(text: string, context: string = text): string {
  return foldLatin(toLatin(text, context));
}
