/**
 * Deconfliction matching benchmark: `npm run bench:matching`.
 *
 * Scores the hand-labelled person pairs (person-pairs.ts, and the held-out
 * person-pairs-holdout.ts, reported separately) with scorePersons() at the
 * default threshold, and the identifier pairs (identifier-pairs.ts) by
 * comparing normalised keys. Prints precision, recall and F1, the confusion
 * counts, recall per category, and the first misclassified pairs. The last
 * line is one JSON object with the figures, for CI and trend tracking.
 */
import { matchingKeys, normaliseIdentifier } from "../../app/domain/deconfliction/identifiers/index";
import { personBlockingKeys } from "../../app/domain/deconfliction/matching/names";
import { scorePersons } from "../../app/domain/deconfliction/matching/score-person";
import { DEFAULT_MATCH_THRESHOLD } from "../../app/domain/deconfliction/matching/threshold";
import type { Person } from "../../app/domain/deconfliction/matching/types";
import { IDENTIFIER_PAIRS } from "./identifier-pairs";
import { PERSON_PAIRS, type PersonPair } from "./person-pairs";
import { PERSON_PAIRS_HOLDOUT } from "./person-pairs-holdout";

interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

interface Figures extends Confusion {
  pairs: number;
  precision: number;
  recall: number;
  f1: number;
}

const round = (v: number): number => Math.round(v * 10000) / 10000;

function figures(c: Confusion): Figures {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pairs: c.tp + c.fp + c.tn + c.fn, ...c, precision: round(precision), recall: round(recall), f1: round(f1) };
}

function count(c: Confusion, same: boolean, predicted: boolean): void {
  if (same && predicted) c.tp++;
  else if (same) c.fn++;
  else if (predicted) c.fp++;
  else c.tn++;
}

function describePerson(p: Person): string {
  const facts = [p.dateOfBirth ?? p.birthYear, p.nationality, p.sex].filter((v) => v !== undefined);
  return `${p.names.join(" | ")}${facts.length ? ` (${facts.join(", ")})` : ""}`;
}

const threshold = DEFAULT_MATCH_THRESHOLD;

// ---------------------------------------------------------------- persons
interface PersonRun {
  confusion: Confusion;
  byCategory: Map<string, { same: boolean; total: number; right: number }>;
  errors: string[];
  blockingMisses: number;
  truePairs: number;
  ms: number;
}

function runPersons(set: readonly PersonPair[]): PersonRun {
  const run: PersonRun = { confusion: { tp: 0, fp: 0, tn: 0, fn: 0 }, byCategory: new Map(), errors: [], blockingMisses: 0, truePairs: 0, ms: 0 };
  const started = performance.now();
  for (const pair of set) {
    const { score, reasons } = scorePersons(pair.a, pair.b);
    const predicted = score >= threshold;
    count(run.confusion, pair.same, predicted);
    const cat = run.byCategory.get(pair.category) ?? { same: pair.same, total: 0, right: 0 };
    cat.total++;
    if (predicted === pair.same) cat.right++;
    run.byCategory.set(pair.category, cat);
    if (predicted !== pair.same) {
      run.errors.push(
        `  ${pair.same ? "FN" : "FP"} ${score.toFixed(3)} [${pair.category}] ${describePerson(pair.a)}  ~  ${describePerson(pair.b)}  ${reasons.map((r) => r.code).join(",")}`,
      );
    }
    if (pair.same) {
      // would the two records even be compared? (a shared blocking key)
      run.truePairs++;
      const keysA = new Set(personBlockingKeys(pair.a));
      if (!personBlockingKeys(pair.b).some((k) => keysA.has(k))) run.blockingMisses++;
    }
  }
  run.ms = performance.now() - started;
  return run;
}

function reportPersons(title: string, set: readonly PersonPair[], run: PersonRun): Figures {
  const f = figures(run.confusion);
  const matches = set.filter((x) => x.same).length;
  console.log(`${title}: ${f.pairs} labelled pairs (${matches} same person, ${f.pairs - matches} different), ${run.ms.toFixed(0)} ms`);
  console.log(`  precision ${f.precision.toFixed(4)}  recall ${f.recall.toFixed(4)}  F1 ${f.f1.toFixed(4)}`);
  console.log(`  confusion: TP ${f.tp}  FP ${f.fp}  TN ${f.tn}  FN ${f.fn}`);
  console.log(`  true pairs sharing no blocking key: ${run.blockingMisses} of ${run.truePairs}`);
  console.log("  by category (classified right / pairs):");
  for (const [name, c] of [...run.byCategory].sort((a, b) => Number(b[1].same) - Number(a[1].same) || a[0].localeCompare(b[0]))) {
    console.log(`    ${c.same ? "same" : "diff"}  ${name.padEnd(22)} ${c.right}/${c.total}`);
  }
  console.log(`  misclassified (${run.errors.length}, first 20):`);
  for (const line of run.errors.slice(0, 20)) console.log(line);
  console.log("");
  return f;
}

const mainRun = runPersons(PERSON_PAIRS);
const holdoutRun = runPersons(PERSON_PAIRS_HOLDOUT);

// ---------------------------------------------------------------- identifiers
const identifiers: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
const identifierErrors: string[] = [];
const byKind = new Map<string, Confusion>();
for (const pair of IDENTIFIER_PAIRS) {
  const ra = normaliseIdentifier(pair.kind, pair.a.raw, { defaultCountry: pair.a.country });
  const rb = normaliseIdentifier(pair.kind, pair.b.raw, { defaultCountry: pair.b.country });
  const keysA = new Set(matchingKeys(ra));
  const predicted = matchingKeys(rb).some((k) => keysA.has(k));
  count(identifiers, pair.same, predicted);
  const kind = byKind.get(pair.kind) ?? { tp: 0, fp: 0, tn: 0, fn: 0 };
  count(kind, pair.same, predicted);
  byKind.set(pair.kind, kind);
  if (predicted !== pair.same) {
    const show = (r: typeof ra) => (r.ok ? r.value : `rejected:${r.code}`);
    identifierErrors.push(`  ${pair.same ? "FN" : "FP"} [${pair.kind}] ${JSON.stringify(pair.a.raw)} → ${show(ra)}  ~  ${JSON.stringify(pair.b.raw)} → ${show(rb)}${pair.note ? `  (${pair.note})` : ""}`);
  }
}

// ---------------------------------------------------------------- report
console.log(`Deconfliction matching benchmark — threshold ${threshold}`);
console.log("");
const p = reportPersons("Persons (main set)", PERSON_PAIRS, mainRun);
const h = reportPersons("Persons (held-out set, written after the rules were frozen)", PERSON_PAIRS_HOLDOUT, holdoutRun);
const i = figures(identifiers);
console.log(`Identifiers: ${i.pairs} labelled pairs`);
console.log(`  precision ${i.precision.toFixed(4)}  recall ${i.recall.toFixed(4)}  F1 ${i.f1.toFixed(4)}`);
console.log(`  confusion: TP ${i.tp}  FP ${i.fp}  TN ${i.tn}  FN ${i.fn}`);
console.log(`  by kind (classified right / pairs): ${[...byKind].map(([k, c]) => `${k} ${c.tp + c.tn}/${c.tp + c.tn + c.fp + c.fn}`).join(", ")}`);
console.log(`  misclassified (${identifierErrors.length}, first 20):`);
for (const line of identifierErrors.slice(0, 20)) console.log(line);
console.log("");
console.log(
  JSON.stringify({
    threshold,
    persons: { ...p, blockingMisses: mainRun.blockingMisses },
    personsHoldout: { ...h, blockingMisses: holdoutRun.blockingMisses },
    identifiers: i,
  }),
);
