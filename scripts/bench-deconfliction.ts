/**
 * Deconfliction at scale: `npm run bench:deconfliction [-- --scale 0.01] [--keep] [--samples 500] [--reuse <db>] [--no-prewarm]`.
 *
 * Creates its own database `concordia_bench_<ts>` on the local PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres
 * names the server), loads generated data and measures the service verbs the
 * web and the API call:
 *  - 1,000,000 registered identifiers of mixed kinds, 1,000,000 persons (names
 *    of several languages and scripts, some with transliterated aliases) and
 *    1,000,000 planned actions over Europe and a year, in 2,000 operations
 *    (`--scale` multiplies every size);
 *  - the data is prepared with the same pure functions the service uses
 *    (prepareIdentifier: normalisers, blocking keys, HMAC digests) and bulk
 *    loaded with COPY, the indexes and foreign keys of the migrations rebuilt
 *    afterwards from their own definitions;
 *  - then, through createServices over the real database: latency of an exact
 *    check, a person check and an event check (hits and misses mixed), bulk
 *    throughput of checkIdentifiers in batches of 1,000, database size and RSS.
 * Progress goes to stderr; the last stdout line is one JSON object.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import {
  fakerAR,
  fakerDE,
  fakerEL,
  fakerEN,
  fakerFA,
  fakerFR,
  fakerHR,
  fakerMK,
  fakerRO,
  fakerRU,
  fakerSR_RS_latin,
  fakerTR,
  fakerUK,
  type Faker,
} from "@faker-js/faker";
import { build } from "esbuild";
import postgres from "postgres";
import { createDb, type DbHandle } from "../db/client";
import { agencies, operationAgencies, operationMembers, operations, users } from "../db/schema/index";
import { actorFor, loadCurrentUser } from "../app/domain/auth/current-user";
import { defaultConfig, type Actor } from "../app/domain/context";
import { createEventBus } from "../app/domain/events";
import { createServices } from "../app/domain/services";
import type { IdentifierKind } from "../app/domain/deconfliction/identifiers/kinds";
import { luhnCheckDigit } from "../app/domain/deconfliction/identifiers/luhn";
import { toLatin } from "../app/domain/deconfliction/matching/transliterate";
import type { PrepareRequest, PrepareResponse } from "./bench-deconfliction-prepare";

// ------------------------------------------------------------------ options
const { values: opts } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    samples: { type: "string", default: "500" },
    // person checks are measured on fewer samples when they are slow (see BENCHMARKS.md)
    "person-samples": { type: "string" },
    "bulk-batches": { type: "string", default: "20" },
    seed: { type: "string", default: "20261122" },
    // read the deconfliction tables and indexes into the OS cache before measuring, as on a
    // server that has been answering checks for a while; --no-prewarm measures as it is
    "no-prewarm": { type: "boolean", default: false },
    // measure again on a database kept by an earlier --keep run, without loading
    reuse: { type: "string" },
  },
});
const scale = Number(opts.scale);
if (!(scale > 0)) throw new Error("--scale must be a positive number");
const SAMPLES = Number(opts.samples);
const PERSON_SAMPLES = Number(opts["person-samples"] ?? opts.samples);
const BULK_BATCHES = Number(opts["bulk-batches"]);
const N_IDENTIFIERS = Math.round(1_000_000 * scale);
const N_PERSONS = Math.round(1_000_000 * scale);
const N_ACTIONS = Math.round(1_000_000 * scale);
const N_OPERATIONS = Math.max(20, Math.round(2_000 * scale));
const N_OFFICERS = Math.max(10, Math.round(N_OPERATIONS / 4));
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

// ------------------------------------------------------------------ randomness
const fakers: { faker: Faker; countries: string[]; weight: number; cyrillicAlias?: boolean }[] = [
  { faker: fakerDE, countries: ["DE", "AT"], weight: 3 },
  { faker: fakerFR, countries: ["FR", "BE"], weight: 2 },
  { faker: fakerSR_RS_latin, countries: ["RS", "BA", "ME"], weight: 3, cyrillicAlias: true },
  { faker: fakerHR, countries: ["HR"], weight: 1 },
  { faker: fakerMK, countries: ["MK"], weight: 1 },
  { faker: fakerEL, countries: ["GR", "CY"], weight: 2 },
  { faker: fakerAR, countries: ["SY", "IQ", "MA", "EG", "LY"], weight: 3 },
  { faker: fakerFA, countries: ["AF", "IR"], weight: 2 },
  { faker: fakerTR, countries: ["TR"], weight: 2 },
  { faker: fakerRU, countries: ["RU"], weight: 1 },
  { faker: fakerUK, countries: ["UA"], weight: 1 },
  { faker: fakerRO, countries: ["RO", "MD"], weight: 1 },
];
const seed = Number(opts.seed);
for (const [i, f] of fakers.entries()) f.faker.seed(seed + i);
fakerEN.seed(seed + 99);
const rnd = fakerEN.number;
const pick = <T>(list: readonly T[]): T => list[rnd.int(list.length - 1)]!;
const weightedFakers = fakers.flatMap((f) => Array.from({ length: f.weight }, () => f));
const digits = (n: number) => Array.from({ length: n }, () => rnd.int(9)).join("");
const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + rnd.int(25))).join("");

// Serbian Latin -> Cyrillic, for registrations of the same person typed in the other script
const SR_MAP = new Map<string, string>([
  ["lj", "љ"], ["nj", "њ"], ["dž", "џ"], ["Lj", "Љ"], ["Nj", "Њ"], ["Dž", "Џ"],
  ["a", "а"], ["b", "б"], ["c", "ц"], ["č", "ч"], ["ć", "ћ"], ["d", "д"], ["đ", "ђ"], ["e", "е"], ["f", "ф"], ["g", "г"], ["h", "х"],
  ["i", "и"], ["j", "ј"], ["k", "к"], ["l", "л"], ["m", "м"], ["n", "н"], ["o", "о"], ["p", "п"], ["r", "р"], ["s", "с"], ["š", "ш"],
  ["t", "т"], ["u", "у"], ["v", "в"], ["z", "з"], ["ž", "ж"],
]);
function serbianCyrillic(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    if (SR_MAP.has(two)) {
      out += SR_MAP.get(two);
      i++;
      continue;
    }
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const mapped = SR_MAP.get(lower);
    out += mapped ? (ch === lower ? mapped : mapped.toUpperCase()) : ch;
  }
  return out;
}
const titleCase = (s: string) => s.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

// ------------------------------------------------------------------ identifiers
const PHONE_PLANS: [string, () => string][] = [
  ["RS", () => `+381 6${rnd.int({ min: 0, max: 6 })} ${digits(7)}`],
  ["DE", () => `+49 17${rnd.int({ min: 0, max: 9 })} ${digits(8)}`],
  ["AT", () => `+43 664 ${digits(7)}`],
  ["GR", () => `+30 69${rnd.int({ min: 3, max: 9 })} ${digits(7)}`],
  ["AL", () => `+355 6${rnd.int({ min: 7, max: 9 })} ${digits(7)}`],
  ["FR", () => `+33 6 ${digits(8)}`],
  ["IT", () => `+39 3${rnd.int({ min: 2, max: 9 })}${rnd.int(9)} ${digits(7)}`],
  ["TR", () => `+90 5${rnd.int({ min: 3, max: 5 })}${rnd.int(9)} ${digits(7)}`],
  ["MK", () => `+389 7${rnd.int({ min: 0, max: 8 })} ${digits(6)}`],
  ["HU", () => `+36 ${pick(["20", "30", "70"])} ${digits(7)}`],
];
const IBAN_COUNTRIES = ["DE", "AT", "FR", "IT", "GR", "HR", "RS", "AL", "NL", "BE", "ES", "TR", "RO", "HU", "SI"];
const PLATE_COUNTRIES = ["DE", "AT", "RS", "HU", "GR", "MK", "AL", "BG", "RO", "IT", "HR", "SI"];

interface Item {
  kind: IdentifierKind;
  value: Record<string, unknown>;
}

let serial = 0;
function identifierValue(kind: IdentifierKind): Item {
  serial++;
  switch (kind) {
    case "phone":
      return { kind, value: { number: pick(PHONE_PLANS)[1]() } };
    case "imei": {
      const body = `${rnd.int({ min: 10, max: 99 })}${digits(12)}`;
      return { kind, value: { imei: body + String(luhnCheckDigit(body)) } };
    }
    case "email": {
      const first = fakerEN.person.firstName().toLowerCase().replace(/[^a-z]/g, "");
      const last = fakerEN.person.lastName().toLowerCase().replace(/[^a-z]/g, "");
      return { kind, value: { email: `${first}.${last}${rnd.int(99_999)}@${pick(["gmail.com", "outlook.com", "yahoo.de", "gmx.at", "mail.ru", "protonmail.com", "hotmail.fr"])}` } };
    }
    case "iban":
      return { kind, value: { iban: fakerEN.finance.iban({ formatted: rnd.int(1) === 1, countryCode: pick(IBAN_COUNTRIES) }) } };
    case "vehicle_plate":
      return { kind, value: { country: pick(PLATE_COUNTRIES), plate: `${letters(2)} ${digits(rnd.int({ min: 3, max: 4 }))} ${letters(2)}` } };
    case "document":
      return { kind, value: { type: pick(["passport", "id_card", "residence_permit"]), country: pick(PLATE_COUNTRIES.concat(["SY", "AF", "IQ", "PK", "MA"])), number: `${letters(2)}${digits(7)}` } };
    case "crypto_wallet":
      return { kind, value: { chain: "eth", address: `0x${randomBytes(20).toString("hex")}` } };
    case "online_account":
      return { kind, value: { platform: pick(["telegram", "instagram", "tiktok"]), handle: `${letters(1).toLowerCase()}${fakerEN.internet.username().toLowerCase().replace(/[^a-z0-9_]/g, "").slice(0, 18)}${rnd.int(9999)}` } };
    case "ip_address":
      return { kind, value: { ip: `${rnd.int({ min: 11, max: 223 })}.${rnd.int(255)}.${rnd.int(255)}.${rnd.int({ min: 1, max: 254 })}` } };
    case "vin": {
      const chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
      return { kind, value: { vin: Array.from({ length: 17 }, () => chars[rnd.int(chars.length - 1)]).join("") } };
    }
    default:
      throw new Error(`no generator for ${kind}`);
  }
}
const EXACT_MIX: [IdentifierKind, number][] = [
  ["phone", 30],
  ["email", 14],
  ["iban", 10],
  ["imei", 10],
  ["vehicle_plate", 9],
  ["document", 9],
  ["crypto_wallet", 5],
  ["online_account", 6],
  ["ip_address", 4],
  ["vin", 3],
];
const EXACT_KINDS = EXACT_MIX.flatMap(([k, w]) => Array.from({ length: w }, () => k));

/** The same identifier as another officer would type it. */
function retyped(item: Item): Item {
  const v = item.value;
  switch (item.kind) {
    case "phone":
      return { kind: "phone", value: { number: `00${String(v.number).replace(/[+\s]/g, "")}` } };
    case "iban":
      return { kind: "iban", value: { iban: `IBAN ${String(v.iban).replace(/\s/g, "").toLowerCase()}` } };
    case "email":
      return { kind: "email", value: { email: String(v.email).toUpperCase() } };
    case "vehicle_plate":
      return { kind: "vehicle_plate", value: { ...v, plate: String(v.plate).replace(/\s/g, "-") } };
    case "imei":
      return { kind: "imei", value: { imei: String(v.imei).slice(0, 14) } };
    default:
      return item;
  }
}

function personValue(): Item {
  const f = pick(weightedFakers);
  const sex = rnd.int(1) === 0 ? "male" : "female";
  const first = f.faker.person.firstName(sex);
  const last = f.faker.person.lastName(sex);
  const main = `${first} ${last}`;
  const names = [main];
  const r = rnd.float();
  if (f.cyrillicAlias && r < 0.3) names.push(serbianCyrillic(main));
  else if (r < 0.3 && /[^\p{Script=Latin}\s'’-]/u.test(main)) names.push(titleCase(toLatin(main)));
  else if (r < 0.4) names.push(`${last} ${first}`);
  const value: Record<string, unknown> = { names, sex: sex === "male" ? "m" : "f", nationality: pick(f.countries) };
  const birth = fakerEN.date.birthdate({ min: 16, max: 70, mode: "age", refDate: "2026-06-01" }).toISOString().slice(0, 10);
  const d = rnd.float();
  if (d < 0.6) value.dateOfBirth = birth;
  else if (d < 0.85) value.birthYear = Number(birth.slice(0, 4));
  return { kind: "person", value };
}

/** A registered person as another officer might enter them: other script, other order, no date. */
function personRetyped(item: Item): Item {
  const v = item.value as { names: string[]; dateOfBirth?: string; birthYear?: number; sex?: string; nationality?: string };
  const main = v.names[0]!;
  const r = rnd.float();
  const names = r < 0.4 && /[^\p{Script=Latin}\s'’-]/u.test(main) ? [titleCase(toLatin(main))] : r < 0.7 ? [main.split(" ").reverse().join(" ")] : [main];
  return { kind: "person", value: { ...v, names } };
}

// ------------------------------------------------------------------ planned actions
const CITIES: [number, number][] = [
  [48.21, 16.37], [47.5, 19.04], [44.79, 20.45], [45.81, 15.98], [43.86, 18.41], [42.44, 19.26], [41.33, 19.82], [42.0, 21.43],
  [42.67, 21.17], [37.98, 23.73], [40.64, 22.94], [42.7, 23.32], [44.43, 26.1], [41.01, 28.98], [52.52, 13.4], [48.14, 11.58],
  [50.11, 8.68], [53.55, 9.99], [48.86, 2.35], [45.76, 4.84], [43.3, 5.37], [45.46, 9.19], [41.9, 12.5], [40.85, 14.27],
  [46.05, 14.51], [50.08, 14.44], [52.23, 21.01], [50.85, 4.35], [52.37, 4.9], [51.92, 4.48], [40.42, -3.7], [41.39, 2.17],
  [38.72, -9.14], [55.68, 12.57], [59.33, 18.07], [47.38, 8.54], [46.2, 6.14], [45.44, 12.32], [44.41, 8.93], [36.72, -4.42],
  [35.34, 25.13], [39.62, 19.92], [37.94, 23.65], [41.12, 20.8], [43.32, 21.9], [45.27, 19.83], [46.25, 20.15], [41.08, 23.55],
];
const YEAR_START = Date.UTC(2027, 0, 1);
const YEAR_MS = 365 * 24 * 3600_000;
const ACTION_KINDS = ["raid", "arrest", "search", "surveillance", "controlled_delivery", "interview", "undercover_meeting"] as const;

function actionPlace(): { lat: number; lon: number; radiusM: number; startsAt: Date; endsAt: Date; kind: string } {
  let lat: number;
  let lon: number;
  if (rnd.float() < 0.75) {
    const [clat, clon] = pick(CITIES);
    // about 15 km around a city centre
    lat = clat + fakerEN.number.float({ min: -0.15, max: 0.15 }) * (rnd.float() + rnd.float());
    lon = clon + fakerEN.number.float({ min: -0.2, max: 0.2 }) * (rnd.float() + rnd.float());
  } else {
    lat = fakerEN.number.float({ min: 36, max: 60 });
    lon = fakerEN.number.float({ min: -9, max: 30 });
  }
  const r = rnd.float();
  const radiusM = r < 0.7 ? rnd.int({ min: 50, max: 1_000 }) : r < 0.97 ? rnd.int({ min: 1_000, max: 10_000 }) : rnd.int({ min: 10_000, max: 100_000 });
  const start = YEAR_START + Math.floor(rnd.float() * YEAR_MS);
  const hours = r < 0.8 ? rnd.int({ min: 1, max: 8 }) : rnd.int({ min: 8, max: 72 });
  return { lat, lon, radiusM, startsAt: new Date(start), endsAt: new Date(start + hours * 3600_000), kind: pick(ACTION_KINDS) };
}

// ------------------------------------------------------------------ COPY helpers
function copyField(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  const s = v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
  if (!/[\\\t\n\r]/.test(s)) return s;
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

class CopyStream {
  private buffer: string[] = [];
  private size = 0;
  private constructor(private readonly stream: NodeJS.WritableStream) {}
  static async open(sql: postgres.Sql, table: string, columns: string[]) {
    const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
    return new CopyStream(stream);
  }
  async row(fields: unknown[]) {
    this.line(`${fields.map(copyField).join("\t")}\n`);
    await this.drain();
  }
  /** One line already in COPY's text format; drain() sends what has gathered. */
  line(text: string) {
    this.buffer.push(text);
    this.size += text.length;
  }
  async drain() {
    if (this.size > 1 << 20) await this.flush();
  }
  private flush(): Promise<void> {
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.size = 0;
    return new Promise((resolve) => {
      if (this.stream.write(chunk)) resolve();
      else this.stream.once("drain", resolve);
    });
  }
  async end() {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.on("error", reject);
      this.stream.on("finish", resolve);
      this.stream.end();
    });
  }
}

// ------------------------------------------------------------------ preparing on other cores
const PREPARE_WORKERS = Math.max(1, Math.min(4, availableParallelism()));
const PREPARE_BATCH = 2000;

/** Workers running prepareIdentifier (scripts/bench-deconfliction-prepare.ts, bundled once). */
class PreparePool {
  private next = 0;
  private seq = 0;
  private readonly waiting = new Map<number, (r: PrepareResponse) => void>();
  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on("message", (r: PrepareResponse) => {
        this.waiting.get(r.seq)?.(r);
        this.waiting.delete(r.seq);
      });
      w.on("error", (err) => {
        throw err;
      });
    }
  }
  static async start(n: number) {
    // worker threads do not get tsx's loader on Node 20: they run a bundle of the worker module
    const entry = fileURLToPath(new URL("./bench-deconfliction-prepare.ts", import.meta.url));
    const built = await build({ entryPoints: [entry], bundle: true, platform: "node", format: "cjs", write: false, logLevel: "silent" });
    const code = built.outputFiles[0]!.text;
    return new PreparePool(Array.from({ length: n }, () => new Worker(code, { eval: true })));
  }
  prepare(secret: string, items: PrepareRequest["items"]): Promise<PrepareResponse> {
    const seq = this.seq++;
    const w = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      w.postMessage({ seq, secret, items } satisfies PrepareRequest);
    });
  }
  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

// ------------------------------------------------------------------ statistics
function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  const r = (v: number) => Math.round(v * 100) / 100;
  return { n: s.length, p50: r(at(50)), p95: r(at(95)), p99: r(at(99)), max: r(s[s.length - 1]!), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
}

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  samples.push(performance.now() - t0);
  return out;
}

// ------------------------------------------------------------------ main
interface Loaded {
  secret: string;
  counts: Record<string, number>;
  loadSeconds: number;
  indexSeconds: number;
}

/** Agencies, officers, operations, then targets, keys and planned actions by COPY. */
async function load(handle: DbHandle, sql: postgres.Sql): Promise<Loaded> {
  const t0 = performance.now();
  const secret = randomBytes(32).toString("hex");
  // the bench database's own note of its key, so --reuse can check against the same digests
  await sql`create table bench_meta (secret text not null)`;
  await sql`insert into bench_meta values (${secret})`;

  const countries = ["AT", "DE", "RS", "HU", "GR", "MK", "AL", "BG", "RO", "IT", "HR", "SI", "BA", "ME", "FR", "NL"];
  const agencyRows = await handle.db
    .insert(agencies)
    .values(countries.flatMap((c) => ["police", "border_police", "customs"].map((kind) => ({ name: `${kind} ${c}`, country: c, kind }))))
    .returning({ id: agencies.id, country: agencies.country });
  const officerIds: string[] = [];
  const officerRows = Array.from({ length: N_OFFICERS }, (_, i) => {
    const id = randomUUID();
    officerIds.push(id);
    const agency = agencyRows[i % agencyRows.length]!;
    return { id, email: `officer${i}@bench.test`, name: fakerEN.person.fullName(), agencyId: agency.id, officeRole: "officer", passwordHash: null };
  });
  for (let i = 0; i < officerRows.length; i += 1000) await handle.db.insert(users).values(officerRows.slice(i, i + 1000));
  const opRows = Array.from({ length: N_OPERATIONS }, (_, i) => ({
    id: randomUUID(),
    codeName: `BENCH ${i}`,
    summary: "",
    crimeAreas: ["migrant_smuggling"],
    leadAgencyId: agencyRows[i % agencyRows.length]!.id,
    jitReference: `JIT-${i}`,
    jitStart: "2020-01-01",
    jitEnd: "2099-12-31",
    status: "active",
  }));
  for (let i = 0; i < opRows.length; i += 1000) {
    const slice = opRows.slice(i, i + 1000);
    await handle.db.insert(operations).values(slice);
    await handle.db.insert(operationAgencies).values(slice.map((o) => ({ operationId: o.id, agencyId: o.leadAgencyId })));
  }
  // each operation has one officer (the one registering); every officer is in about four operations
  const opOfficer = opRows.map((_, i) => officerIds[i % officerIds.length]!);
  const memberRows = opRows.map((o, i) => ({ operationId: o.id, userId: opOfficer[i]!, role: "lead" }));
  for (let i = 0; i < memberRows.length; i += 1000) await handle.db.insert(operationMembers).values(memberRows.slice(i, i + 1000));
  log(`${agencyRows.length} agencies, ${officerIds.length} officers, ${opRows.length} operations`);

  // indexes and foreign keys of the loaded tables go, and come back from their own definitions after loading
  const indexDefs = await sql<{ tbl: string; name: string; def: string }[]>`
    select i.tablename as tbl, i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'public' and i.tablename in ${sql(LOADED)}
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  const fkDefs = await sql<{ tbl: string; name: string; def: string }[]>`
    select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where contype = 'f' and (conrelid::regclass::text in ${sql(LOADED)} or confrelid::regclass::text in ${sql(LOADED)})`;
  // primary keys too: their random uuids would otherwise be inserted one by one into a growing index
  const keyDefs = await sql<{ tbl: string; name: string; def: string }[]>`
    select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where contype in ('p', 'u') and conrelid::regclass::text in ${sql(LOADED)}`;
  for (const f of fkDefs) await sql.unsafe(`alter table ${f.tbl} drop constraint "${f.name}"`);
  for (const k of keyDefs) await sql.unsafe(`alter table ${k.tbl} drop constraint "${k.name}"`);
  for (const i of indexDefs) await sql.unsafe(`drop index "${i.name}"`);

  // ---- identifiers and persons: generated here in order, prepared by workers on the other cores
  const targetsCopy = await CopyStream.open(sql, "targets", ["id", "operation_id", "kind", "raw", "display", "person_profile", "registered_by", "created_at"]);
  const keysCopy = await CopyStream.open(sql, "target_keys", ["target_id", "operation_id", "kind", "key_type", "digest"]);
  const counts: Record<string, number> = { targets: 0, targetKeys: 0, refusedByNormalisers: 0, knownElsewhere: 0 };
  const refused: Record<string, number> = {};
  const createdBase = Date.UTC(2026, 0, 1);
  const recent: Record<"person" | "exact", Item[]> = { person: [], exact: [] };
  const loadT0 = performance.now();
  const total = N_IDENTIFIERS + N_PERSONS;
  const pool = await PreparePool.start(PREPARE_WORKERS);
  type Gen = { item: Item; op: number; isPerson: boolean };
  const generate = (isPerson: boolean): Gen => {
    const list = recent[isPerson ? "person" : "exact"];
    const op = rnd.int(N_OPERATIONS - 1);
    // about 2% are known in another operation already (the hits a real register has)
    if (list.length > 100 && rnd.float() < 0.02) {
      const prior = pick(list);
      counts.knownElsewhere!++;
      return { item: isPerson ? personRetyped(prior) : retyped(prior), op, isPerson };
    }
    return { item: isPerson ? personValue() : identifierValue(pick(EXACT_KINDS)), op, isPerson };
  };
  let persons = 0;
  let generated = 0;
  // generated values the normalisers refuse (a national IBAN checksum, a VIN's letters) are
  // counted and replaced in a later batch, so the register has the size asked for
  let redo: boolean[] = [];
  const nextBatch = (): Gen[] => {
    const batch: Gen[] = redo.map((isPerson) => generate(isPerson));
    redo = [];
    while (batch.length < PREPARE_BATCH && generated < total) {
      // interleaved, so the registration order mixes kinds as a real register does
      const isPerson = (generated % 2 === 1 && persons < N_PERSONS) || generated - persons >= N_IDENTIFIERS;
      if (isPerson) persons++;
      generated++;
      batch.push(generate(isPerson));
    }
    return batch;
  };
  const inFlight: { batch: Gen[]; answer: Promise<PrepareResponse> }[] = [];
  const send = () => {
    const batch = nextBatch();
    if (batch.length > 0) inFlight.push({ batch, answer: pool.prepare(secret, batch.map((g) => ({ kind: g.item.kind, value: g.item.value, country: agencyRows[g.op % agencyRows.length]!.country }))) });
  };
  for (let i = 0; i < PREPARE_WORKERS * 2; i++) send();
  let nextReport = 100_000;
  while (inFlight.length > 0) {
    const { batch, answer } = inFlight.shift()!;
    const { out } = await answer;
    for (const [i, p] of out.entries()) {
      const g = batch[i]!;
      if (!p) {
        counts.refusedByNormalisers!++;
        refused[g.item.kind] = (refused[g.item.kind] ?? 0) + 1;
        redo.push(g.isPerson);
        continue;
      }
      const id = randomUUID();
      const opId = opRows[g.op]!.id;
      targetsCopy.line(`${id}\t${opId}\t${p.kind}\t${copyField(p.raw)}\t${copyField(p.display)}\t${copyField(p.person)}\t${opOfficer[g.op]}\t${new Date(createdBase + counts.targets! * 1000).toISOString()}\n`);
      for (const [kind, keyType, digest] of p.keys) keysCopy.line(`${id}\t${opId}\t${kind}\t${keyType}\t${digest}\n`);
      counts.targets!++;
      counts.targetKeys! += p.keys.length;
      const list = recent[g.isPerson ? "person" : "exact"];
      if (list.length < 5000) list.push(g.item);
      else list[rnd.int(4999)] = g.item;
    }
    await targetsCopy.drain();
    await keysCopy.drain();
    send();
    if (counts.targets! >= nextReport) {
      nextReport += 100_000;
      const s = (performance.now() - loadT0) / 1000;
      log(`  targets ${counts.targets!.toLocaleString("en")} (${counts.targetKeys!.toLocaleString("en")} keys), ${Math.round(counts.targets! / s)}/s`);
    }
  }
  await pool.close();
  await targetsCopy.end();
  await keysCopy.end();
  log(`loaded ${counts.targets} targets and ${counts.targetKeys} keys in ${Math.round((performance.now() - loadT0) / 1000)} s; refused by the normalisers: ${JSON.stringify(refused)}`);

  // ---- planned actions
  const actionsCopy = await CopyStream.open(sql, "planned_actions", ["id", "operation_id", "kind", "lat", "lon", "radius_m", "starts_at", "ends_at", "registered_by", "cancelled_at", "created_at", "updated_at"]);
  const actT0 = performance.now();
  for (let n = 0; n < N_ACTIONS; n++) {
    const a = actionPlace();
    const op = rnd.int(N_OPERATIONS - 1);
    const created = new Date(a.startsAt.getTime() - 7 * 24 * 3600_000);
    const cancelled = rnd.float() < 0.05 ? created : null;
    actionsCopy.line(`${[randomUUID(), opRows[op]!.id, a.kind, a.lat, a.lon, a.radiusM, a.startsAt, a.endsAt, opOfficer[op], cancelled, created, created].map(copyField).join("\t")}\n`);
    await actionsCopy.drain();
    if ((n + 1) % 250_000 === 0) log(`  planned actions ${(n + 1).toLocaleString("en")}`);
  }
  await actionsCopy.end();
  counts.plannedActions = N_ACTIONS;
  log(`loaded ${N_ACTIONS} planned actions in ${Math.round((performance.now() - actT0) / 1000)} s`);

  // ---- indexes and constraints back, statistics
  const idxT0 = performance.now();
  // two lanes on two connections: the planned actions' GiST index builds on one core while
  // the btrees of targets and keys take the other
  const lane = (tables: string[]) =>
    sql.begin(async (tx) => {
      await tx.unsafe(`set local maintenance_work_mem = '1GB'`);
      await tx.unsafe(`set local max_parallel_maintenance_workers = 1`);
      const defs = [
        ...keyDefs.filter((k) => tables.includes(k.tbl)).map((k) => ({ name: k.name, def: `alter table ${k.tbl} add constraint "${k.name}" ${k.def}` })),
        ...indexDefs.filter((i) => tables.includes(i.tbl)),
      ];
      for (const d of defs) {
        const it0 = performance.now();
        await tx.unsafe(d.def);
        log(`  ${d.name} built in ${Math.round((performance.now() - it0) / 1000)} s`);
      }
    });
  await Promise.all([lane(["targets", "target_keys"]), lane(["planned_actions"])]);
  for (const f of fkDefs) await sql.unsafe(`alter table ${f.tbl} add constraint "${f.name}" ${f.def}`);
  for (const t of LOADED) await sql.unsafe(`vacuum analyze ${t}`);
  const indexSeconds = Math.round((performance.now() - idxT0) / 1000);
  log(`indexes and foreign keys rebuilt, vacuumed and analysed in ${indexSeconds} s`);
  return { secret, counts, loadSeconds: Math.round((performance.now() - t0) / 1000), indexSeconds };
}

const LOADED = ["targets", "target_keys", "planned_actions"];

/** Latency and throughput of the service verbs over the loaded database. */
async function measure(handle: DbHandle, sql: postgres.Sql, secret: string) {
  const services = createServices({ db: handle.db, events: createEventBus(), now: () => new Date(), config: { ...defaultConfig, deconflictionSecret: secret } });
  // what was registered, to check again as another officer would type it (hits); fresh values miss
  const exactRows = await sql<{ kind: IdentifierKind; raw: Record<string, unknown> }[]>`
    select kind, raw from targets tablesample system (1) where kind <> 'person' order by random() limit ${Math.max(SAMPLES, 1000)}`;
  const personRows = await sql<{ raw: Record<string, unknown> }[]>`
    select raw from targets tablesample system (1) where kind = 'person' order by random() limit ${SAMPLES}`;
  const actionRows = await sql<{ kind: string; lat: number; lon: number; radius_m: number; starts_at: Date; operation_id: string }[]>`
    select kind, lat, lon, radius_m, starts_at, operation_id from planned_actions tablesample system (1)
    where cancelled_at is null order by random() limit ${SAMPLES}`;
  const opRows = await sql<{ id: string; user_id: string }[]>`select operation_id as id, user_id from operation_members order by operation_id`;
  const exactSample: Item[] = exactRows.map((r) => ({ kind: r.kind, value: r.raw }));
  const personSample: Item[] = personRows.map((r) => ({ kind: "person", value: r.raw }));

  const actors = new Map<string, Actor>();
  const actorOfUser = async (userId: string) => {
    let a = actors.get(userId);
    if (!a) {
      const u = await loadCurrentUser(handle.db, userId);
      a = actorFor(u!, "127.0.0.1");
      actors.set(userId, a);
    }
    return a;
  };
  const checker = await actorOfUser(opRows[0]!.user_id);

  // warm-up: connections, plans, the first pages of the indexes
  for (let i = 0; i < 20; i++) {
    await services.deconfliction.checkIdentifiers({ actor: checker, input: { items: [identifierValue("phone")] } });
    if (i < 3) await services.deconfliction.checkIdentifiers({ actor: checker, input: { items: [personValue()] } });
  }

  const loadBefore = loadavg().map((v) => Math.round(v * 100) / 100);
  log(`exact checks: ${SAMPLES} (load average ${loadBefore.join(", ")})`);
  const exactMs: number[] = [];
  let exactHits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const item = i % 2 === 0 ? retyped(exactSample[i % exactSample.length]!) : identifierValue(pick(EXACT_KINDS));
    const r = await timed(exactMs, () => services.deconfliction.checkIdentifiers({ actor: checker, input: { items: [item] } }));
    const first = r.items[0]!;
    if (first.ok && first.matches.length > 0) exactHits++;
  }

  log(`person checks: ${PERSON_SAMPLES}`);
  const personMs: number[] = [];
  let personHits = 0;
  for (let i = 0; i < PERSON_SAMPLES; i++) {
    const item = i % 2 === 0 ? personRetyped(personSample[i % personSample.length]!) : personValue();
    const r = await timed(personMs, () => services.deconfliction.checkIdentifiers({ actor: checker, input: { items: [item] } }));
    const first = r.items[0]!;
    if (first.ok && first.matches.length > 0) personHits++;
  }

  log(`event checks: ${SAMPLES}`);
  const eventMs: number[] = [];
  let eventHits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const other = opRows[rnd.int(opRows.length - 1)]!;
    let input: Record<string, unknown>;
    const a = actionRows[i % actionRows.length];
    if (i % 2 === 0 && a) {
      // 300 m from a registered action, starting an hour after it: a conflict unless it is the checker's own operation
      const starts = new Date(a.starts_at.getTime() + 3600_000);
      input = { kind: a.kind, lat: a.lat + 0.0027, lon: a.lon, radiusM: 200, startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 2 * 3600_000).toISOString() };
    } else {
      const p = actionPlace();
      input = { kind: p.kind, lat: p.lat, lon: p.lon, radiusM: p.radiusM, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString() };
    }
    const actor = await actorOfUser(other.user_id);
    const r = await timed(eventMs, () => services.deconfliction.checkPlannedAction({ actor, operationId: other.id, input }));
    if (r.conflicts.length > 0) eventHits++;
  }

  // two batches first, not counted: a long-running server has every normaliser compiled
  for (let b = 0; b < 2; b++) {
    const items = Array.from({ length: 1000 }, () => identifierValue(pick(EXACT_KINDS)));
    await services.deconfliction.checkIdentifiers({ actor: checker, input: { items } });
  }
  log(`bulk: ${BULK_BATCHES} batches of 1,000 identifiers`);
  const batchMs: number[] = [];
  let bulkItems = 0;
  let bulkHits = 0;
  for (let b = 0; b < BULK_BATCHES; b++) {
    const items = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? retyped(exactSample[rnd.int(exactSample.length - 1)]!) : identifierValue(pick(EXACT_KINDS))));
    const r = await timed(batchMs, () => services.deconfliction.checkIdentifiers({ actor: checker, input: { items } }));
    bulkItems += items.length;
    bulkHits += r.items.filter((x) => x.ok && x.matches.length > 0).length;
  }
  const bulkSeconds = batchMs.reduce((x, y) => x + y, 0) / 1000;

  const [{ size }] = (await sql`select pg_database_size(current_database())::bigint as size`) as unknown as [{ size: string }];
  const tableSizes = await sql<{ name: string; total: string }[]>`
    select c.relname as name, pg_total_relation_size(c.oid)::bigint as total from pg_class c where c.relname in ${sql(LOADED)}`;
  const [rows] = await sql<{ targets: string; keys: string; actions: string }[]>`
    select (select count(*) from targets) as targets, (select count(*) from target_keys) as keys, (select count(*) from planned_actions) as actions`;
  const mem = process.memoryUsage();
  return {
    rows: { targets: Number(rows!.targets), targetKeys: Number(rows!.keys), plannedActions: Number(rows!.actions), operations: opRows.length },
    exactCheckMs: { ...percentiles(exactMs), hits: exactHits, target: { p99: 10 } },
    personCheckMs: { ...percentiles(personMs), hits: personHits, target: { p99: 50 } },
    eventCheckMs: { ...percentiles(eventMs), hits: eventHits, target: { p99: 20 } },
    bulk: {
      path: "checkIdentifiers, 1,000 items per call",
      items: bulkItems,
      hits: bulkHits,
      perSecond: Math.round(bulkItems / bulkSeconds),
      batchMs: percentiles(batchMs),
      target: { perSecond: 20_000 },
    },
    databaseBytes: Number(size),
    databaseGiB: Math.round((Number(size) / 2 ** 30) * 100) / 100,
    tableBytes: Object.fromEntries(tableSizes.map((t) => [t.name, Number(t.total)])),
    // other work on the machine shows in the tails: the load average before and after measuring
    loadAverage: { before: loadBefore, after: loadavg().map((v) => Math.round(v * 100) / 100) },
    rssMiB: Math.round(mem.rss / 2 ** 20),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/**
 * Reads every page of the deconfliction tables and their indexes once (pg_prewarm into the
 * operating system's cache), so the figures are those of a server whose data is cached, not
 * of the first checks after a restart or after other work pushed the data out of memory.
 */
async function prewarm(sql: postgres.Sql) {
  const t0 = performance.now();
  await sql`create extension if not exists pg_prewarm`;
  const [row] = await sql<{ blocks: string; bytes: string }[]>`
    select sum(pg_prewarm(c.oid::regclass, 'read'))::bigint as blocks, sum(pg_relation_size(c.oid))::bigint as bytes
    from pg_class c
    where c.relkind in ('r', 'i')
      and (c.relname in ('targets', 'target_keys', 'planned_actions')
        or c.oid in (select indexrelid from pg_index where indrelid in ('targets'::regclass, 'target_keys'::regclass, 'planned_actions'::regclass)))`;
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const gib = Math.round((Number(row!.bytes) / 2 ** 30) * 100) / 100;
  log(`prewarmed ${gib} GiB of deconfliction tables and indexes into the OS cache in ${seconds} s`);
  return { gib, seconds };
}

async function main() {
  const started = performance.now();
  const dbName = opts.reuse ?? `concordia_bench_${new Date().toISOString().replace(/[-:T.Z]/g, "").slice(0, 14)}`;
  if (!/^concordia_bench_\w+$/.test(dbName)) throw new Error("--reuse takes the name of a database this bench created (concordia_bench_...)");
  if (!opts.reuse) {
    const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${dbName}"`);
    await admin.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  log(
    opts.reuse
      ? `measuring again on ${dbName}`
      : `database ${dbName}; scale ${scale}: ${N_IDENTIFIERS} identifiers, ${N_PERSONS} persons, ${N_ACTIONS} planned actions, ${N_OPERATIONS} operations`,
  );

  const handle = await createDb({ kind: "postgres", url: url.toString(), max: 4 });
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  let result: Record<string, unknown> = {};
  const keep = opts.keep || Boolean(opts.reuse);
  try {
    await handle.migrate();
    let loaded: Loaded | null = null;
    let secret: string;
    if (opts.reuse) {
      const [meta] = await sql<{ secret: string }[]>`select secret from bench_meta`;
      secret = meta!.secret;
    } else {
      loaded = await load(handle, sql);
      secret = loaded.secret;
    }
    const prewarmed = opts["no-prewarm"] ? null : await prewarm(sql);
    const figures = await measure(handle, sql, secret);
    result = {
      prewarmed,
      bench: "deconfliction",
      scale: opts.reuse ? null : scale,
      database: dbName,
      loaded: loaded ? { ...loaded.counts, loadSeconds: loaded.loadSeconds, indexSeconds: loaded.indexSeconds } : null,
      ...figures,
      totalSeconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await sql.end({ timeout: 5 });
    await handle.close();
    if (!keep) {
      const a = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${dbName}" with (force)`);
      await a.end();
      log(`dropped ${dbName}`);
    } else log(`kept ${dbName} (drop it with: psql -c 'drop database "${dbName}"')`);
  }
  log(`exact ${JSON.stringify(result.exactCheckMs)}`);
  log(`person ${JSON.stringify(result.personCheckMs)}`);
  log(`event ${JSON.stringify(result.eventCheckMs)}`);
  log(`bulk ${JSON.stringify(result.bulk)}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
