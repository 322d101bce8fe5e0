/**
 * Scores how likely two person records describe the same human being.
 *
 * The name similarity (names.ts, best pair over all names and aliases) is the
 * base; the other facts adjust it:
 *  - same full date of birth: +0.10 — together with a similar name this is
 *    strong evidence, and it lets a cognate given name (Mehmed/Muhamed) or a
 *    rough transliteration reach the threshold;
 *  - day and month swapped (1990-03-05 / 1990-05-03): −0.05 — the commonest
 *    data-entry error between date formats, so still a likely hit;
 *  - any other different full date: × 0.55 — a namesake with another date of
 *    birth must rank clearly below (≤ 0.55 even for an identical name);
 *  - 1 January is what registration authorities assign to a person who knows
 *    only their year of birth (common for undocumented migrants): when either
 *    date is a 1 January, only the years are compared (reason
 *    "date_of_birth_placeholder");
 *  - only years known: equal +0.03; one year apart −0.08 (stated ages of
 *    undocumented migrants are often estimates); further apart × 0.6;
 *  - a name of one part only (a mononym): × 0.9;
 *  - names that agree only approximately — some part differs in its letters,
 *    not just in script, variant or particle (Mansour/Mansouri, Hoxha/Hoxa) —
 *    without dates of birth (or years) on both sides to confirm them: at most
 *    just under the threshold (reason "spelling_not_confirmed"). One-letter
 *    differences between two real surnames are as common as typing mistakes,
 *    and in a register of many thousands of persons every name has such
 *    neighbours; a name-only hit therefore needs the names to agree once
 *    transliteration, variants, particles and order are accounted for.
 *  - different nationality: −0.05 (dual nationals and false declarations are
 *    common, so the penalty is small); different sex: −0.10 (f/m only).
 */
import { analyseName, birthYearOf, compareNames, type AnalysedName, type NameSimilarity } from "./names";
import { PERSON_MATCH_THRESHOLD } from "./threshold";
import type { Person, Reason } from "./types";

export interface PersonScore {
  /** 0..1 */
  score: number;
  reasons: Reason[];
}

const SAME_DOB_BOOST = 0.1;
const SWAPPED_DOB_PENALTY = 0.05;
const DIFFERENT_DOB_FACTOR = 0.55;
const SAME_YEAR_BOOST = 0.03;
const CLOSE_YEAR_PENALTY = 0.08;
const DIFFERENT_YEAR_FACTOR = 0.6;
const NATIONALITY_PENALTY = 0.05;
const SEX_PENALTY = 0.1;
const SINGLE_PART_FACTOR = 0.9;
/** Ceiling of an approximate name match that no date of birth confirms. */
const UNCONFIRMED_SPELLING_CEILING = PERSON_MATCH_THRESHOLD - 0.01;
/** Below this the names are reported as different rather than similar. */
const NAMES_SIMILAR_FLOOR = 0.7;

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function bestNameSimilarity(a: AnalysedName[], b: AnalysedName[]): NameSimilarity {
  let best: NameSimilarity = { score: 0, detail: "spelling", parts: 0, spellingDifferences: 0 };
  for (const x of a) {
    for (const y of b) {
      const s = compareNames(x, y);
      if (s.score > best.score) best = s;
    }
  }
  return best;
}

// A check scores one person against up to a few thousand candidates, and the same
// names recur among them: each name is analysed once. Analyses are read, never changed.
const ANALYSED_LIMIT = 20_000;
let analysed = new Map<string, AnalysedName>();
function analysedName(name: string): AnalysedName {
  let a = analysed.get(name);
  if (!a) {
    if (analysed.size >= ANALYSED_LIMIT) analysed = new Map();
    a = analyseName(name);
    analysed.set(name, a);
  }
  return a;
}

const round = (v: number, digits = 3): number => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * The most scorePersons(a, b) can give, from the dates alone: a different full
 * date caps it at DIFFERENT_DOB_FACTOR, birth years two or more apart at
 * DIFFERENT_YEAR_FACTOR (every other rule only lowers a score). A check skips
 * the candidates whose ceiling is below the threshold without comparing names.
 */
export function scoreCeiling(a: Person, b: Person): number {
  const da = a.dateOfBirth ? FULL_DATE.exec(a.dateOfBirth) : null;
  const db = b.dateOfBirth ? FULL_DATE.exec(b.dateOfBirth) : null;
  const placeholder = (d: RegExpExecArray) => d[2] === "01" && d[3] === "01";
  if (da && db && !placeholder(da) && !placeholder(db)) {
    if (a.dateOfBirth === b.dateOfBirth || (da[1] === db[1] && da[2] === db[3] && da[3] === db[2])) return 1;
    return DIFFERENT_DOB_FACTOR;
  }
  const ya = birthYearOf(a);
  const yb = birthYearOf(b);
  if (ya !== undefined && yb !== undefined && Math.abs(ya - yb) > 1) return DIFFERENT_YEAR_FACTOR;
  return 1;
}

export function scorePersons(a: Person, b: Person): PersonScore {
  const reasons: Reason[] = [];
  const names = bestNameSimilarity(
    a.names.filter((n) => n.trim()).map(analysedName),
    b.names.filter((n) => n.trim()).map(analysedName),
  );
  // A name of a single part (a mononym, or only a surname known) that agrees
  // is weak evidence on its own.
  let score = names.parts === 1 ? names.score * SINGLE_PART_FACTOR : names.score;
  if (names.score >= NAMES_SIMILAR_FLOOR) reasons.push({ code: "names_similar", value: round(names.score, 2), detail: names.detail });
  else reasons.push({ code: "names_different", value: round(names.score, 2) });

  if (names.spellingDifferences > 0 && (birthYearOf(a) === undefined || birthYearOf(b) === undefined)) {
    if (score > UNCONFIRMED_SPELLING_CEILING) {
      score = UNCONFIRMED_SPELLING_CEILING;
      reasons.push({ code: "spelling_not_confirmed" });
    }
  }

  const da = a.dateOfBirth ? FULL_DATE.exec(a.dateOfBirth) : null;
  const db = b.dateOfBirth ? FULL_DATE.exec(b.dateOfBirth) : null;
  const placeholder = (d: RegExpExecArray) => d[2] === "01" && d[3] === "01";
  let compareYears = !(da && db);
  if (da && db && (placeholder(da) || placeholder(db))) {
    reasons.push({ code: "date_of_birth_placeholder" });
    compareYears = true;
  } else if (da && db) {
    if (a.dateOfBirth === b.dateOfBirth) {
      score += SAME_DOB_BOOST;
      reasons.push({ code: "same_date_of_birth" });
    } else if (da[1] === db[1] && da[2] === db[3] && da[3] === db[2]) {
      score -= SWAPPED_DOB_PENALTY;
      reasons.push({ code: "date_of_birth_day_month_swapped" });
    } else {
      score *= DIFFERENT_DOB_FACTOR;
      reasons.push({ code: "different_date_of_birth" });
    }
  }
  if (compareYears) {
    const ya = birthYearOf(a);
    const yb = birthYearOf(b);
    if (ya !== undefined && yb !== undefined) {
      const diff = Math.abs(ya - yb);
      if (diff === 0) {
        score += SAME_YEAR_BOOST;
        reasons.push({ code: "same_birth_year" });
      } else if (diff === 1) {
        score -= CLOSE_YEAR_PENALTY;
        reasons.push({ code: "birth_year_close" });
      } else {
        score *= DIFFERENT_YEAR_FACTOR;
        reasons.push({ code: "different_birth_year" });
      }
    }
  }

  // a score is not more than certain: boosts do not bank credit against the penalties below
  score = Math.min(1, score);

  if (a.nationality && b.nationality) {
    if (a.nationality.toUpperCase() === b.nationality.toUpperCase()) reasons.push({ code: "same_nationality" });
    else {
      score -= NATIONALITY_PENALTY;
      reasons.push({ code: "different_nationality" });
    }
  }
  if (a.sex && b.sex && a.sex !== "x" && b.sex !== "x" && a.sex !== b.sex) {
    score -= SEX_PENALTY;
    reasons.push({ code: "different_sex" });
  }

  return { score: round(Math.max(0, Math.min(1, score))), reasons };
}
