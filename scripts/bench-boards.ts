/**
 * The task board under load: `npm run bench:boards [-- --requests 200] [--moves 500] [--viewers 50] [--keep]`.
 *
 * Creates its own database `concordia_bench_boards_<ts>` on the local PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres names
 * the server) and drops it afterwards (unless --keep). Loads, through the service
 * verbs the routes call: one operation with 30 members from 6 agencies, a board of
 * 6 columns, 20 labels and 500 cards (assignees, labels, due dates, checklists,
 * comments; @faker-js/faker text). Then starts the real server (startApp with the
 * Remix build in build/, so run `npm run build` first) and measures
 *  - the board page: GET /operations/<id>/board with a signed-in cookie, over HTTP,
 *    sequentially (after a warm-up), p50/p95/p99 (the page loads the first
 *    CARDS_PER_COLUMN cards of each column; the rest of a column loads on demand);
 *  - a column loaded in full: GET …/board?cards=<the longest column>, the same way;
 *  - live moves: 50 socket.io clients of members joined to the operation room; each
 *    move is POSTed like the board's drag and drop does, and the time from sending
 *    the request to the `board:changed` event's arrival is taken on every viewer,
 *    p50/p99 over all arrivals and over the slowest viewer of each move;
 *  - RSS and heap of this process (which runs the server too).
 * Progress goes to stderr; the last stdout line is one JSON object.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { faker } from "@faker-js/faker";
import { pino } from "pino";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { createDb } from "../db/client";
import { agencies, operationAgencies, operationMembers, operations, users } from "../db/schema/index";
import { actorFor, loadCurrentUser } from "../app/domain/auth/current-user";
import { hashPassword } from "../app/domain/auth/passwords";
import type { Actor } from "../app/domain/context";
import { startApp } from "../app/server/app";
import { readEnv } from "../app/utils/env.server";
import { LABEL_COLOURS, TASK_PRIORITIES } from "../app/domain/vocabulary";
import { CARDS_PER_COLUMN } from "../app/components/board/card-face";

// a production server renders with React's production build (the Remix build is one already)
process.env.NODE_ENV ??= "production";

const { values: opts } = parseArgs({
  options: {
    requests: { type: "string", default: "200" },
    moves: { type: "string", default: "500" },
    viewers: { type: "string", default: "50" },
    tasks: { type: "string", default: "500" },
    keep: { type: "boolean", default: false },
    seed: { type: "string", default: "20261123" },
  },
});
const REQUESTS = Number(opts.requests);
const MOVES = Number(opts.moves);
const VIEWERS = Number(opts.viewers);
const N_TASKS = Number(opts.tasks);
const N_MEMBERS = 30;
const N_LABELS = 20;
const PASSWORD = "bench horse battery staple";
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

faker.seed(Number(opts.seed));

function quantiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50: round(q(50)), p95: round(q(95)), p99: round(q(99)), max: round(s[s.length - 1] ?? 0), mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)) };
}
const mib = (b: number) => Math.round((b / 1_048_576) * 10) / 10;

async function main() {
  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("No Remix build: run `npm run build` first.");
  const dbName = `concordia_bench_boards_${Date.now()}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  const dbUrl = url.toString();
  log(`database ${dbName}`);

  const handle = await createDb({ kind: "postgres", url: dbUrl });
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  const sockets: Socket[] = [];
  try {
    await handle.migrate();
    const db = handle.db;

    // ---------------------------------------------------------------- data
    const t0 = performance.now();
    const countries = ["AT", "HU", "RS", "MK", "GR", "AL"];
    const agencyRows = await db
      .insert(agencies)
      .values(countries.map((country) => ({ name: `${faker.location.city()} ${faker.helpers.arrayElement(["Police", "Border Police", "Customs"])} (${country})`, country, kind: "police" as const })))
      .returning();
    const hash = await hashPassword(PASSWORD);
    const people = Array.from({ length: N_MEMBERS }, (_, i) => ({
      id: randomUUID(),
      email: `bench-${i}@concordia.test`,
      name: faker.person.fullName(),
      agencyId: agencyRows[i % agencyRows.length]!.id,
      officeRole: "officer",
      passwordHash: hash,
      locale: "en",
      timeZone: "Europe/Vienna",
    }));
    await db.insert(users).values(people);
    const [op] = await db
      .insert(operations)
      .values({
        codeName: "BENCH ROUTE",
        summary: faker.lorem.sentence(),
        crimeAreas: ["migrant_smuggling"],
        leadAgencyId: agencyRows[0]!.id,
        jitReference: "JIT-BENCH",
        jitStart: "2020-01-01",
        jitEnd: "2099-12-31",
        status: "active",
      })
      .returning();
    const operationId = op!.id;
    await db.insert(operationAgencies).values(agencyRows.map((a) => ({ operationId, agencyId: a.id })));
    await db
      .insert(operationMembers)
      .values(people.map((p, i) => ({ operationId, userId: p.id, role: i === 0 ? "lead" : "member" })));
    const actors: Actor[] = [];
    for (const p of people) actors.push(actorFor((await loadCurrentUser(db, p.id))!, "127.0.0.1"));
    const lead = actors[0]!;

    // the app's own services write the board, so the rows are what users would produce
    const { createServices } = await import("../app/domain/services");
    const { createEventBus } = await import("../app/domain/events");
    const { defaultConfig } = await import("../app/domain/context");
    const services = createServices({ db, events: createEventBus(), now: () => new Date(), config: defaultConfig });
    const boards = services.boards;
    await boards.getBoard({ actor: lead, operationId });
    await boards.createColumn({ actor: lead, operationId, input: { name: "Waiting for the prosecutor", wipLimit: 40 } });
    const labelIds: string[] = [];
    const labelNames = new Set<string>();
    while (labelNames.size < N_LABELS) labelNames.add(faker.word.noun().slice(0, 30));
    for (const [i, name] of [...labelNames].entries()) labelIds.push((await boards.createLabel({ actor: actors[i % actors.length]!, operationId, input: { name, colour: LABEL_COLOURS[i % LABEL_COLOURS.length]! } })).id);
    const columns = (await boards.getBoard({ actor: lead, operationId })).columns.map((c) => c.id);
    for (let i = 0; i < N_TASKS; i++) {
      const actor = actors[i % actors.length]!;
      const task = await boards.createTask({
        actor,
        operationId,
        input: {
          columnId: columns[i % columns.length],
          title: faker.lorem.sentence({ min: 3, max: 9 }).slice(0, 200),
          description: faker.lorem.paragraphs({ min: 0, max: 3 }),
          dueAt: faker.helpers.maybe(() => faker.date.soon({ days: 60 }).toISOString(), { probability: 0.6 }) ?? null,
          priority: faker.helpers.arrayElement(TASK_PRIORITIES),
          assigneeIds: faker.helpers.arrayElements(people, { min: 0, max: 3 }).map((p) => p.id),
          labelIds: faker.helpers.arrayElements(labelIds, { min: 0, max: 3 }),
        },
      });
      for (let c = faker.number.int(4); c > 0; c--) await boards.addChecklistItem({ actor, input: { taskId: task.id, text: faker.lorem.sentence().slice(0, 300) } });
      for (let c = faker.number.int(3); c > 0; c--) await boards.addComment({ actor, input: { taskId: task.id, body: faker.lorem.paragraph() } });
      if ((i + 1) % 100 === 0) log(`${i + 1} cards`);
    }
    const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
    log(`data loaded in ${loadSeconds} s`);

    // the loader's verb alone, as the page calls it, without HTTP and rendering: where the time goes
    const pageCards = { perColumn: CARDS_PER_COLUMN };
    for (let i = 0; i < 10; i++) await boards.getBoard({ actor: actors[1]!, operationId, cards: pageCards });
    const verbTimes: number[] = [];
    for (let i = 0; i < Math.min(REQUESTS, 100); i++) {
      const start = performance.now();
      await boards.getBoard({ actor: actors[1]!, operationId, cards: pageCards });
      verbTimes.push(performance.now() - start);
    }
    const verbStats = quantiles(verbTimes);
    log(`getBoard verb: p50 ${verbStats.p50} ms, p95 ${verbStats.p95} ms`);

    // ---------------------------------------------------------------- server
    const env = readEnv({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", NODE_ENV: "production", DATABASE_URL: dbUrl });
    app = await startApp({ env, logger: pino({ level: "silent" }), seed: false, buildPath });
    const base = app.url;
    const signIn = async (email: string) => {
      const res = await fetch(`${base}/login`, {
        method: "POST",
        headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, password: PASSWORD }),
        redirect: "manual",
      });
      const cookie = res.headers.get("set-cookie");
      if (res.status !== 302 || !cookie) throw new Error(`sign-in of ${email} failed: ${res.status}`);
      return cookie.split(";")[0]!;
    };
    const cookies: string[] = [];
    for (const p of people) cookies.push(await signIn(p.email));

    // ---------------------------------------------------------------- board page
    const page = async (search = "") => {
      const start = performance.now();
      const res = await fetch(`${base}/operations/${operationId}/board${search}`, { headers: { Cookie: cookies[1]! } });
      const body = await res.text();
      const ms = performance.now() - start;
      if (res.status !== 200) throw new Error(`board page answered ${res.status}`);
      return { ms, bytes: body.length };
    };
    for (let i = 0; i < 20; i++) await page();
    const pageTimes: number[] = [];
    let pageBytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const r = await page();
      pageTimes.push(r.ms);
      pageBytes = r.bytes;
    }
    const pageStats = quantiles(pageTimes);
    // "Show N more cards" on the longest column: that column in full, the others in part
    const longest = (await boards.getBoard({ actor: lead, operationId, cards: pageCards })).columns.reduce((a, b) => (b.taskCount > a.taskCount ? b : a));
    const fullTimes: number[] = [];
    let fullBytes = 0;
    for (let i = 0; i < Math.min(REQUESTS, 50); i++) {
      const r = await page(`?cards=${longest.id}`);
      fullTimes.push(r.ms);
      fullBytes = r.bytes;
    }
    const fullStats = quantiles(fullTimes);
    // the same data as a client-side navigation or live refetch asks for it (loader JSON, no HTML)
    const dataTimes: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const res = await fetch(`${base}/operations/${operationId}/board?_data=${encodeURIComponent("routes/operations.$id.board")}`, { headers: { Cookie: cookies[1]! } });
      await res.text();
      if (res.status !== 200) throw new Error(`board data answered ${res.status}`);
      dataTimes.push(performance.now() - start);
    }
    const dataStats = quantiles(dataTimes);
    log(`board page: p50 ${pageStats.p50} ms, p95 ${pageStats.p95} ms, p99 ${pageStats.p99} ms (${Math.round(pageBytes / 1024)} KiB); loader JSON p50 ${dataStats.p50} ms, p95 ${dataStats.p95} ms`);
    log(`board page with a ${longest.taskCount}-card column in full: p50 ${fullStats.p50} ms, p95 ${fullStats.p95} ms (${Math.round(fullBytes / 1024)} KiB)`);

    // ---------------------------------------------------------------- live moves
    const arrivals = new Map<string, { sent: number; got: number[]; done: () => void }>();
    const onChanged = (p: { change: string; taskId?: string; version?: number }) => {
      if (p.change !== "task.moved" || !p.taskId) return;
      const key = `${p.taskId}:${p.version}`;
      const a = arrivals.get(key);
      if (!a) return;
      a.got.push(performance.now() - a.sent);
      if (a.got.length === VIEWERS) a.done();
    };
    for (let i = 0; i < VIEWERS; i++) {
      const socket = io(base, { transports: ["websocket"], extraHeaders: { Cookie: cookies[i % cookies.length]!, Origin: base }, forceNew: true, reconnection: false });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const ack = await new Promise<{ ok: boolean }>((resolve) => socket.emit("operation:join", { operationId }, resolve));
      if (!ack.ok) throw new Error("a viewer could not join the operation room");
      socket.on("board:changed", onChanged);
    }
    log(`${VIEWERS} viewers joined`);
    const board = await boards.getBoard({ actor: lead, operationId });
    const versions = new Map(board.tasks.map((t) => [t.id, { version: t.version, columnId: t.columnId }]));
    const taskIds = [...versions.keys()];
    const all: number[] = [];
    const slowest: number[] = [];
    const requestTimes: number[] = [];
    for (let m = 0; m < MOVES + 10; m++) {
      const taskId = taskIds[(m * 7) % taskIds.length]!;
      const current = versions.get(taskId)!;
      const toColumnId = columns[(columns.indexOf(current.columnId) + 1) % columns.length]!;
      const key = `${taskId}:${current.version + 1}`;
      const arrived = new Promise<void>((resolve) => arrivals.set(key, { sent: 0, got: [], done: resolve }));
      const entry = arrivals.get(key)!;
      const timeout = setTimeout(() => entry.done(), 10_000);
      entry.sent = performance.now();
      // the board's drag and drop posts through a fetcher: the action's data only, no page render
      const res = await fetch(`${base}/operations/${operationId}/board?_data=${encodeURIComponent("routes/operations.$id.board")}`, {
        method: "POST",
        headers: { Cookie: cookies[m % cookies.length]!, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "move", taskId, toColumnId, version: String(current.version) }),
        redirect: "manual",
      });
      const answered = performance.now() - entry.sent;
      await res.text();
      if (res.status !== 200) throw new Error(`move answered ${res.status}`);
      await arrived;
      clearTimeout(timeout);
      arrivals.delete(key);
      versions.set(taskId, { version: current.version + 1, columnId: toColumnId });
      if (entry.got.length < VIEWERS) throw new Error(`move ${m}: only ${entry.got.length} of ${VIEWERS} viewers heard of it within 10 s`);
      if (m < 10) continue; // warm-up
      all.push(...entry.got);
      slowest.push(Math.max(...entry.got));
      requestTimes.push(answered);
    }
    const arrivalStats = quantiles(all);
    const slowestStats = quantiles(slowest);
    const moveRequest = quantiles(requestTimes);
    log(`moves: arrival p50 ${arrivalStats.p50} ms, p99 ${arrivalStats.p99} ms; slowest viewer p99 ${slowestStats.p99} ms; request p50 ${moveRequest.p50} ms`);

    const mem = process.memoryUsage();
    const result = {
      bench: "boards",
      data: { tasks: N_TASKS, columns: columns.length, labels: N_LABELS, members: N_MEMBERS, loadSeconds },
      boardPage: { requests: REQUESTS, bytes: pageBytes, ms: pageStats, targetP95Ms: 100, met: pageStats.p95 <= 100 },
      boardData: { requests: REQUESTS, ms: dataStats },
      boardPageColumnInFull: { requests: fullTimes.length, cardsInColumn: longest.taskCount, bytes: fullBytes, ms: fullStats },
      getBoardVerb: { calls: verbTimes.length, ms: verbStats },
      liveMoves: {
        moves: MOVES,
        viewers: VIEWERS,
        arrivalMs: arrivalStats,
        slowestViewerMs: slowestStats,
        moveRequestMs: moveRequest,
        targetP99Ms: 100,
        met: arrivalStats.p99 <= 100,
      },
      memory: { rssMiB: mib(mem.rss), heapUsedMiB: mib(mem.heapUsed) },
      node: process.version,
    };
    console.log(JSON.stringify(result));
  } finally {
    for (const s of sockets) s.disconnect();
    if (app) await app.stop();
    await handle.close();
    if (!opts.keep) {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      log(`dropped ${dbName}`);
    } else log(`kept ${dbName}`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
