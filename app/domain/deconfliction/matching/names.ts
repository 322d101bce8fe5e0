/**
 * Person names: folding, tokens, particles, variant classes, comparison and
 * blocking keys.
 *
 * Pipeline for one full name:
 *  1. split into words; each word is transliterated to Latin (transliterate.ts)
 *     and folded to lower-case ASCII; punctuation splits tokens, apostrophes
 *     are dropped ("O'Brien" → "obrien"), hyphens split ("Petrović-Jovanović"
 *     → two tokens).
 *  2. particles: al/el/ul/ad/ar/as/ash/at/az (→ "al"), bin/ibn/ben/bint
 *     (→ "bin"), abu/abou (→ "abu"), van, von, de, da, di, der, den, du, del,
 *     della, dos, das, la, le are *attached* to the next token: "Al-Hassan",
 *     "Al Hassan" and "Alhassan" all give the token "alhassan", whose core is
 *     "hassan". The core is compared too, at a small discount, so "Al Hassan"
 *     ≈ "Hassan" (0.97 for that token). A Latin token that merely begins with
 *     al/el ("Elhassan") also offers its remainder as a discounted form. For
 *     blocking, full and core forms both give keys, so the particle is in
 *     effect dropped there.
 *     "Abd"/"Abdul"/"Abdel"/"Abdal"… + next token → one token "abdul…"
 *     ("Abd al-Rahman" = "Abdul Rahman" = "Abdelrahman"), as are the glued
 *     spellings.
 *  3. each token gets a comparison skeleton (see skeleton()), which erases
 *     the usual transliteration differences (kh/h, sh/š/s, ch/č/c, ts/c, y/j/i,
 *     w/v, x/ks, ou/u, doubled letters) and its variant class (variants.ts).
 *
 * Tokens that came from Arabic script carry no short vowels; they are also
 * compared by consonants only.
 */
import { doubleMetaphone } from "./double-metaphone";
import { editDistance, jaroWinkler } from "./similarity";
import { hasArabic, scriptsOf, toAsciiLower } from "./transliterate";
import type { NameMatchDetail, Person } from "./types";
import { COMMON_GIVEN_NAMES, NAME_COGNATES, NAME_VARIANT_CLASSES } from "./variants";

const PARTICLES: Record<string, string> = {
  al: "al", el: "al", ul: "al", ad: "al", ar: "al", as: "al", ash: "al", at: "al", az: "al",
  bin: "bin", ibn: "bin", ben: "bin", bint: "bin", bn: "bin",
  abu: "abu", abou: "abu",
  van: "van", von: "von", de: "de", da: "da", di: "di", der: "der", den: "den", du: "du",
  del: "del", della: "della", dos: "dos", das: "das", la: "la", le: "le",
};
const ABD_WORDS = new Set(["abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu"]);
const ABD_GLUED = /^abd(?:ul|el|al|ol|oul|ur|us|un|ar|as|ad|)(?=[a-z]{3,})/;

/** Discount for a match found only through a particle-less or glued form. */
const PARTICLE_FORM_WEIGHT = 0.97;
/** Two names of cognate classes (Mehmed/Muhamed): partial agreement only. */
export const COGNATE_SIMILARITY = 0.75;
/** Two names known to be different names (different classes or known names). */
const DIFFERENT_CLASS_CAP = 0.5;

export interface NameForm {
  skeleton: string;
  variant?: string;
  weight: number;
}

export interface NameToken {
  /** folded ASCII, particle attached ("alhassan") */
  text: string;
  /** without the particle ("hassan"); equal to text when there is none */
  core: string;
  particle?: string;
  /** written in Arabic script: short vowels are missing */
  abjad: boolean;
  forms: NameForm[];
}

export interface AnalysedName {
  raw: string;
  /** folded tokens in the original order, e.g. "marko petrovic" */
  folded: string;
  tokens: NameToken[];
  /** written (partly) in a non-Latin script */
  transliterated: boolean;
}

// ---------------------------------------------------------------- folding

/**
 * Transliterate, fold and strip punctuation: "Марко Петровић" → "marko petrovic",
 * "Al-Hassan" → "al hassan". Token order is kept.
 */
export function foldName(raw: string): string {
  return rawTokens(raw)
    .map((t) => t.text)
    .join(" ");
}

interface RawToken {
  text: string;
  abjad: boolean;
}

function rawTokens(raw: string): RawToken[] {
  const out: RawToken[] = [];
  // Zero-width (non-)joiners join the parts of Persian names ("نبی‌زاده").
  for (const word of raw.normalize("NFC").replace(/[\u200c\u200d]/g, "").split(/\s+/)) {
    if (!word) continue;
    const abjad = hasArabic(word);
    const latin = toAsciiLower(word, raw).replace(/['\u2019\u02bc\u02bb]/g, "");
    for (const piece of latin.split(/[^a-z0-9]+/)) {
      if (piece && /[a-z]/.test(piece)) out.push({ text: piece, abjad });
    }
  }
  return out;
}

/**
 * The comparison skeleton of a folded token. It only has to be the same for
 * both sides, not pronounceable.
 */
export function skeleton(token: string): string {
  let s = token.replace(/[^a-z]/g, "");
  s = s
    .replace(/shch/g, "sc")
    .replace(/sch/g, "s")
    .replace(/tch/g, "c")
    .replace(/dzh/g, "dz")
    .replace(/kh/g, "h")
    .replace(/zh/g, "z")
    .replace(/sh/g, "s")
    .replace(/ch/g, "c")
    .replace(/ts|tz|cz/g, "c")
    .replace(/sz/g, "s")
    .replace(/dj/g, "d")
    .replace(/gj/g, "g")
    .replace(/kj/g, "k")
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/dh/g, "d")
    .replace(/gh/g, "g")
    .replace(/ck/g, "k")
    .replace(/q/g, "k")
    .replace(/w/g, "v")
    .replace(/x/g, "ks")
    .replace(/ou|oo/g, "u")
    .replace(/ee|ei|oi/g, "i")
    .replace(/[yj]/g, "i")
    .replace(/c/g, "k")
    .replace(/([aeiou])h$/, "$1");
  return s.replace(/(.)\1+/g, "$1");
}

/** Consonants of a skeleton: what an unvocalised (Arabic-script) spelling keeps. */
function consonants(skel: string): string {
  return skel.replace(/[aeiou]/g, "");
}

// ---------------------------------------------------------------- variants

let variantIndex: Map<string, string> | undefined;
let classMembers: Map<string, string[]> | undefined;
const cognates = new Set(NAME_COGNATES.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

function buildVariantIndex(): void {
  variantIndex = new Map();
  classMembers = new Map();
  for (const cls of NAME_VARIANT_CLASSES) {
    const members: string[] = [];
    for (const name of cls.names) {
      const tokens = tokenise(name, false);
      if (tokens.length !== 1) continue;
      const sk = skeleton(tokens[0]!.text);
      if (!variantIndex.has(sk)) variantIndex.set(sk, cls.id);
      members.push(sk);
    }
    classMembers.set(cls.id, [...new Set(members)]);
  }
  // every other known given name is a class of its own
  for (const name of COMMON_GIVEN_NAMES) {
    const tokens = tokenise(name, false);
    if (tokens.length !== 1) continue;
    const sk = skeleton(tokens[0]!.text);
    if (variantIndex.has(sk)) continue;
    const id = `name:${sk}`;
    variantIndex.set(sk, id);
    classMembers.set(id, [sk]);
  }
}

/** The variant class of a folded token, if it has one. */
export function variantClassOf(token: string): string | undefined {
  if (!variantIndex) buildVariantIndex();
  return variantIndex!.get(skeleton(token));
}

/** Skeletons of a class's members (for tests and for comparing with a class). */
export function variantClassSkeletons(id: string): readonly string[] {
  if (!classMembers) buildVariantIndex();
  return classMembers!.get(id) ?? [];
}

/** For tests: skeletons claimed by more than one class. */
export function variantCollisions(): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const cls of NAME_VARIANT_CLASSES) {
    for (const name of cls.names) {
      const tokens = tokenise(name, false);
      if (tokens.length !== 1) {
        out.push(`${cls.id}: "${name}" is not one token`);
        continue;
      }
      const sk = skeleton(tokens[0]!.text);
      const other = seen.get(sk);
      if (other && other !== cls.id) out.push(`${sk}: ${other} / ${cls.id}`);
      seen.set(sk, cls.id);
    }
  }
  return out;
}

// ---------------------------------------------------------------- tokens

function makeForms(text: string, core: string, withVariants: boolean, gluedArticle = true): NameForm[] {
  const forms: NameForm[] = [];
  const push = (t: string, weight: number) => {
    const sk = skeleton(t);
    if (!sk || forms.some((f) => f.skeleton === sk)) return;
    forms.push({ skeleton: sk, variant: withVariants ? variantClassOf(t) : undefined, weight });
  };
  push(text, 1);
  if (core !== text) push(core, PARTICLE_FORM_WEIGHT);
  else if (withVariants && gluedArticle && !variantClassOf(text)) {
    // "Elhassan", "Alhasan": an article written together with the name.
    const m = /^(?:al|el)([a-z]{4,})$/.exec(text);
    if (m) push(m[1]!, PARTICLE_FORM_WEIGHT);
  }
  return forms;
}

function tokenise(raw: string, withVariants = true): NameToken[] {
  const pieces = rawTokens(raw);
  // 1. particles (and chains of them: "de la") attach to the following token
  const attached: { text: string; core: string; particle?: string; abjad: boolean }[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let j = i;
    while (j < pieces.length - 1 && PARTICLES[pieces[j]!.text]) j++;
    if (j > i) {
      const particle = pieces.slice(i, j).map((p) => PARTICLES[p.text]!).join("");
      const head = pieces[j]!;
      attached.push({ text: particle + head.text, core: head.text, particle, abjad: pieces.slice(i, j + 1).some((p) => p.abjad) });
      i = j;
    } else {
      const p = pieces[i]!;
      attached.push({ text: p.text, core: p.text, abjad: p.abjad });
    }
  }
  // 2. "Abd" + next token → "abdul…"; glued spellings normalised the same way
  const merged: typeof attached = [];
  for (let i = 0; i < attached.length; i++) {
    const t = attached[i]!;
    const next = attached[i + 1];
    // "bin Abd al-Karim": the particle stays in front of the merged name
    if (ABD_WORDS.has(t.core) && next) {
      let rest = next.particle === "al" ? next.core : next.text;
      const glued = /^(?:al|el|ul)([a-z]{3,})$/.exec(rest);
      if (glued && next.particle !== "al") rest = glued[1]!;
      const core = "abdul" + rest;
      merged.push({ text: (t.particle ?? "") + core, core, particle: t.particle, abjad: t.abjad || next.abjad });
      i++;
      continue;
    }
    if (!t.particle && ABD_GLUED.test(t.text)) {
      const text = t.text.replace(ABD_GLUED, "abdul");
      merged.push({ ...t, text, core: text });
      continue;
    }
    merged.push(t);
  }
  return merged.map((t) => ({
    text: t.text,
    core: t.core,
    particle: t.particle,
    abjad: t.abjad,
    forms: makeForms(t.text, t.core, withVariants),
  }));
}

/** More name parts than this are ignored (the comparison is exhaustive over parts). */
const MAX_TOKENS = 10;

export function analyseName(raw: string): AnalysedName {
  const tokens = tokenise(raw).slice(0, MAX_TOKENS);
  const scripts = scriptsOf(raw);
  return {
    raw,
    folded: tokens.map((t) => t.text).join(" "),
    tokens,
    transliterated: [...scripts].some((s) => s !== "latin"),
  };
}

// ---------------------------------------------------------------- comparison

/**
 * Similarity of two skeletons: Jaro–Winkler, capped by the number of edits so
 * that names sharing a long root but not an ending (Petrović / Petrovski /
 * Petrov, Nikolić / Nikolov) do not look like typos of each other.
 */
export function skeletonSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  // a person check compares the same few skeletons with those of thousands of candidates
  const pair = `${a}\u0000${b}`;
  let sim = similarities.get(pair);
  if (sim === undefined) {
    if (similarities.size >= SIMILARITIES_LIMIT) similarities = new Map();
    sim = computeSkeletonSimilarity(a, b);
    similarities.set(pair, sim);
  }
  return sim;
}

const SIMILARITIES_LIMIT = 100_000;
let similarities = new Map<string, number>();

function computeSkeletonSimilarity(a: string, b: string): number {
  const jw = jaroWinkler(a, b);
  const d = editDistance(a, b);
  const len = Math.max(a.length, b.length);
  let cap: number;
  if (d === 1) cap = len <= 3 ? 0.75 : len <= 5 ? 0.9 : 0.95;
  else if (d === 2) cap = len >= 11 ? 0.8 : 0.75;
  else if (d === 3) cap = len >= 12 ? 0.78 : 0.65;
  else cap = 0.5;
  return Math.min(jw, cap);
}

/**
 * How two name parts were found to agree: "exact" (same skeleton: equal after
 * transliteration and folding), "variant" (same variant class), "consonants"
 * (an unvocalised Arabic-script part whose consonants agree), "cognate", or
 * "fuzzy" (letters differ: a typo or a different name).
 */
type How = "exact" | "variant" | "cognate" | "consonants" | "fuzzy";

interface TokenMatch {
  sim: number;
  how: How;
}

function formSimilarity(a: NameForm, b: NameForm, abjad: boolean): TokenMatch {
  if (a.skeleton === b.skeleton) return { sim: 1, how: "exact" };
  if (a.variant && b.variant) {
    if (a.variant === b.variant) return { sim: 1, how: "variant" };
    if (cognates.has(`${a.variant}|${b.variant}`)) return { sim: COGNATE_SIMILARITY, how: "cognate" };
    return { sim: Math.min(DIFFERENT_CLASS_CAP, skeletonSimilarity(a.skeleton, b.skeleton)), how: "fuzzy" };
  }
  let sim = skeletonSimilarity(a.skeleton, b.skeleton);
  let how: How = "fuzzy";
  // One side is a known name, the other is not: compare with every spelling of
  // that name ("Mohammet" is a typo of "Mohammed" rather than of "Muhammad").
  const known = a.variant ?? b.variant;
  if (known) {
    const other = a.variant ? b.skeleton : a.skeleton;
    for (const member of variantClassSkeletons(known)) {
      const s = skeletonSimilarity(member, other);
      if (s > sim) {
        sim = s;
        how = "variant";
      }
    }
  }
  if (abjad) {
    const ca = consonants(a.skeleton);
    const cb = consonants(b.skeleton);
    if (ca.length >= 2 && cb.length >= 2) {
      const s = 0.97 * skeletonSimilarity(ca, cb);
      if (s > sim) {
        sim = s;
        how = ca === cb ? "consonants" : "fuzzy";
      }
    }
  }
  return { sim, how };
}

function tokenSimilarity(a: NameToken, b: NameToken): TokenMatch {
  if (a.text === b.text) return { sim: 1, how: "exact" };
  // An initial ("M.") agrees with a name that starts with that letter, weakly.
  if (a.text.length === 1 || b.text.length === 1) {
    return { sim: a.text[0] === b.text[0] ? 0.8 : 0, how: "fuzzy" };
  }
  const abjad = a.abjad || b.abjad;
  let best: TokenMatch = { sim: 0, how: "fuzzy" };
  for (const fa of a.forms) {
    for (const fb of b.forms) {
      const m = formSimilarity(fa, fb, abjad);
      const sim = m.sim * fa.weight * fb.weight;
      if (sim > best.sim) best = { sim, how: m.how };
    }
  }
  return best;
}

export interface NameSimilarity {
  score: number;
  detail: NameMatchDetail;
  /** how many name parts were paired (1 for a mononym) */
  parts: number;
  /** how many paired parts agree only approximately (letters differ beyond transliteration) */
  spellingDifferences: number;
}

interface Assignment {
  sims: number[];
  weights: number[];
  hows: How[];
  extra: number;
  k: number;
}

/** Best one-to-one assignment of the tokens of the shorter name to the longer one. */
function bestAssignment(a: NameToken[], b: NameToken[]): Assignment {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const m = short.length;
  const n = long.length;
  const matrix: TokenMatch[][] = short.map((s) => long.map((l) => tokenSimilarity(s, l)));
  // Dynamic programme over the set of used tokens of the longer name; names
  // are short (a handful of tokens), so the state space stays tiny.
  let layer = new Map<number, number>([[0, 0]]);
  const parents: Map<number, [number, number]>[] = [];
  for (let i = 0; i < m; i++) {
    const next = new Map<number, number>();
    const parent = new Map<number, [number, number]>();
    for (const [mask, value] of layer) {
      for (let j = 0; j < n; j++) {
        if (mask & (1 << j)) continue;
        const nm = mask | (1 << j);
        const v = value + matrix[i]![j]!.sim;
        if (!next.has(nm) || v > next.get(nm)!) {
          next.set(nm, v);
          parent.set(nm, [mask, j]);
        }
      }
    }
    parents.push(parent);
    layer = next;
  }
  let bestMask = 0;
  let bestValue = -1;
  for (const [mask, value] of layer) {
    if (value > bestValue) {
      bestValue = value;
      bestMask = mask;
    }
  }
  const sims: number[] = new Array<number>(m);
  const weights: number[] = new Array<number>(m);
  const hows: How[] = new Array<How>(m);
  let mask = bestMask;
  for (let i = m - 1; i >= 0; i--) {
    const [prev, j] = parents[i]!.get(mask)!;
    const match = matrix[i]![j]!;
    sims[i] = match.sim;
    hows[i] = match.how;
    weights[i] = Math.max(short[i]!.core.length, long[j]!.core.length);
    mask = prev;
  }
  return { sims, weights, hows, extra: n - m, k: m };
}

function scoreAssignment(x: Assignment): number {
  if (x.k === 0) return 0;
  let total = 0;
  let weight = 0;
  let min = 1;
  for (let i = 0; i < x.k; i++) {
    total += x.sims[i]! * x.weights[i]!;
    weight += x.weights[i]!;
    min = Math.min(min, x.sims[i]!);
  }
  const mean = total / weight;
  // The weakest agreeing token matters: a shared given name does not make a
  // different surname similar.
  let score = Math.sqrt(mean * min);
  if (x.k === 1) {
    // a single name part found inside a longer name is weak evidence
    if (x.extra > 0) score *= 0.85;
  } else {
    // a missing middle name or second surname costs little
    score *= Math.pow(0.97, x.extra);
  }
  return score;
}

// A name is compared with many candidates in one check: its merged variants are made once.
const mergesOfTokens = new WeakMap<NameToken[], { tokens: NameToken[]; merged: boolean }[]>();

/** Token lists with at most one pair of neighbours written together. */
function withMerges(tokens: NameToken[]): { tokens: NameToken[]; merged: boolean }[] {
  let out = mergesOfTokens.get(tokens);
  if (!out) {
    out = makeMerges(tokens);
    mergesOfTokens.set(tokens, out);
  }
  return out;
}

function makeMerges(tokens: NameToken[]): { tokens: NameToken[]; merged: boolean }[] {
  const out = [{ tokens, merged: false }];
  if (tokens.length < 2 || tokens.length > 6) return out;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    const text = a.text + b.text;
    const mergedToken: NameToken = { text, core: text, abjad: a.abjad || b.abjad, forms: makeForms(text, text, true, false) };
    out.push({ tokens: [...tokens.slice(0, i), mergedToken, ...tokens.slice(i + 2)], merged: true });
  }
  return out;
}

/**
 * Similarity of two full names, 0..1, ignoring token order, tolerant of a
 * missing middle name, of particles and of compound surnames written
 * together or apart.
 */
export function compareNames(a: AnalysedName, b: AnalysedName): NameSimilarity {
  if (a.tokens.length === 0 || b.tokens.length === 0) return { score: 0, detail: "spelling", parts: 0, spellingDifferences: 0 };
  let bestScore = 0;
  let bestHows: How[] = [];
  let parts = 0;
  let spellingDifferences = 0;
  for (const va of withMerges(a.tokens)) {
    for (const vb of withMerges(b.tokens)) {
      if (va.merged && vb.merged) continue;
      const assignment = bestAssignment(va.tokens, vb.tokens);
      const score = scoreAssignment(assignment) * (va.merged || vb.merged ? 0.99 : 1);
      if (score > bestScore) {
        bestScore = score;
        bestHows = assignment.hows;
        parts = assignment.k;
        spellingDifferences = assignment.hows.filter((h, i) => h === "fuzzy" && assignment.sims[i]! < 1).length;
      }
    }
  }
  let detail: NameMatchDetail;
  if (a.transliterated || b.transliterated) detail = "after_transliteration";
  else if (bestHows.includes("variant") || bestHows.includes("cognate")) detail = "name_variant";
  else if (bestScore >= 0.999 && a.folded === b.folded) detail = "exact";
  else detail = "spelling";
  return { score: Math.min(1, bestScore), detail, parts, spellingDifferences };
}

/** Convenience: compare two raw names. */
export function nameSimilarity(a: string, b: string): number {
  return compareNames(analyseName(a), analyseName(b)).score;
}

// ---------------------------------------------------------------- blocking

/**
 * Blocking keys of a person: two records become candidates for scoring when
 * they share at least one key. A key must be selective: one name part is
 * shared by thousands of records (every Mohammed, every Petrović), so keys
 * combine two facts.
 *
 * Each name part first gets its codes:
 *  - "dm:<code>" — Double Metaphone (primary and alternate) of every token
 *    form (with and without its particle), equal to PostgreSQL's
 *    dmetaphone()/dmetaphone_alt() of the same folded token;
 *  - "vc:<class>" — the variant class of a token (Mohammed, Muhammad and
 *    محمد share "vc:mohammed");
 *  - "cs:<consonants>" — the consonants of the comparison skeleton (at least
 *    two), because an unvocalised Arabic-script spelling has Double Metaphone
 *    codes of its own ("hsn" → SN, "Hassan" → HSN) but the same consonants.
 *    These are computed here only; an SQL index would store the key array.
 *
 * The keys are then:
 *  - "p:<code>+<code>" — codes of two different parts of one name, in sorted
 *    order (word order is ignored when names are compared). Every code of one
 *    part is paired with every code of the other, so the two parts may agree
 *    in different ways (one by sound, the other by variant class). Two
 *    neighbours written together ("Hadad Zadeh" / "Hadadzadeh") also count as
 *    one part, paired with the others;
 *  - "<code>:<birth year>" — one part's code and the year, for a name of which
 *    only one part agrees (a misspelt surname) when the year does;
 *  - "<code>" alone — only for a name of a single part (a mononym, or an
 *    initial and a surname), and for the written-together form of a name of
 *    two parts, which a mononym record may hold.
 *
 * Single letters (initials) give no codes.
 */
export function personBlockingKeys(person: Pick<Person, "names" | "dateOfBirth" | "birthYear">): string[] {
  const keys = new Set<string>();
  const year = birthYearOf(person);
  for (const name of person.names) {
    const tokens = tokenise(name).slice(0, MAX_TOKENS);
    const parts = tokens.map(tokenCodes).filter((c) => c.length > 0);
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) addPairs(keys, parts[i]!, parts[j]!);
    }
    if (parts.length === 1) for (const c of parts[0]!) keys.add(c);
    if (year !== undefined) for (const codes of parts) for (const c of codes) keys.add(`${c}:${year}`);
    // Neighbours written together on the other record: the merged part is
    // compared like any part (withMerges), so it is keyed like one — without
    // its Double Metaphone codes, which are cut to four letters and so would
    // be the first part's code again.
    if (tokens.length >= 2 && tokens.length <= 6) {
      const codes = tokens.map(tokenCodes);
      for (let m = 0; m + 1 < tokens.length; m++) {
        if (codes[m]!.length === 0 || codes[m + 1]!.length === 0) continue;
        const text = tokens[m]!.text + tokens[m + 1]!.text;
        const mergedToken = { text, core: text, abjad: tokens[m]!.abjad || tokens[m + 1]!.abjad, forms: makeForms(text, text, true, false) };
        const merged = tokenCodes(mergedToken).filter((c) => !c.startsWith("dm:"));
        if (merged.length === 0) continue;
        const others = codes.filter((c, k) => k !== m && k !== m + 1 && c.length > 0);
        for (const o of others) addPairs(keys, merged, o);
        if (others.length === 0) for (const c of merged) keys.add(c);
        if (year !== undefined) for (const c of merged) keys.add(`${c}:${year}`);
      }
    }
  }
  return [...keys].sort();
}

/** The codes of one name part (see personBlockingKeys); none for an initial. */
function tokenCodes(token: NameToken): string[] {
  const codes = new Set<string>();
  const texts = new Set([token.text, token.core]);
  const glued = /^(?:al|el)([a-z]{4,})$/.exec(token.text);
  if (glued && token.core === token.text) texts.add(glued[1]!);
  // Every "Abdul…" has the Double Metaphone code APTL (codes are cut to four
  // letters): the name after "Abdul" is what tells them apart.
  const abd = /^abdul([a-z]{2,})$/.exec(token.core);
  if (abd) {
    texts.delete(token.core);
    texts.add(abd[1]!);
  }
  for (const t of texts) {
    if (t.length < 2) continue;
    const { primary, alternate } = doubleMetaphone(t);
    if (primary) codes.add(`dm:${primary}`);
    if (alternate) codes.add(`dm:${alternate}`);
  }
  if (token.text.length >= 2) {
    for (const form of token.forms) {
      if (form.variant) codes.add(`vc:${form.variant}`);
      const cs = consonants(form.skeleton);
      if (cs.length >= 2) codes.add(`cs:${cs}`);
    }
  }
  return [...codes];
}

function addPairs(keys: Set<string>, a: readonly string[], b: readonly string[]): void {
  for (const x of a) for (const y of b) keys.add(x < y ? `p:${x}+${y}` : `p:${y}+${x}`);
}

export function birthYearOf(person: Pick<Person, "dateOfBirth" | "birthYear">): number | undefined {
  if (person.dateOfBirth && /^\d{4}-/.test(person.dateOfBirth)) return Number(person.dateOfBirth.slice(0, 4));
  return person.birthYear;
}
