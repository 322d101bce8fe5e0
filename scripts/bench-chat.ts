/**
 * Chat under load: `npm run bench:chat [-- --duration 60] [--clients 1000] [--rate 50] [--idle 5000]
 *   [--posters 10] [--scenarios one,two,idle,storm] [--keep]`.
 *
 * Creates its own database `concordia_bench_chat_<ts>` on the local PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres names the
 * server) and drops it afterwards (unless --keep). The app runs in child processes
 * (this script with --serve: startApp with the Remix build in build/, so run
 * `npm run build` first), so the server's RSS is measured apart from the clients,
 * which all run in this process as socket.io-client websockets with their own
 * signed-in sessions. Scenarios:
 *  - one:   `clients` sockets of operation members in the general channel on one process;
 *           `posters` of them post `rate` messages a second in total for `duration` s:
 *           post→ack and post→delivery (each arrival, and to all clients) p50/p99, lost,
 *           duplicates, server RSS;
 *  - two:   the same with two app processes, half the clients (and posters) on each:
 *           cross-process delivery p50/p99 and lost;
 *  - idle:  `idle` authenticated sockets on one process, doing nothing: server RSS;
 *  - storm: as `one`, while a fifth of the non-posting clients drop for 2–10 s each and
 *           come back (rejoin, sync from their last seq): lost and duplicated.
 * Times are taken on this process's clock for both the send and the arrival.
 * Progress goes to stderr; the last stdout line is one JSON object.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { createDb } from "../db/client";
import type { MessageDto } from "../app/domain/chat/types";

const { values: opts } = parseArgs({
  options: {
    serve: { type: "boolean", default: false },
    duration: { type: "string", default: "60" },
    clients: { type: "string", default: "1000" },
    rate: { type: "string", default: "50" },
    idle: { type: "string", default: "5000" },
    posters: { type: "string", default: "10" },
    scenarios: { type: "string", default: "one,two,idle,storm" },
    keep: { type: "boolean", default: false },
  },
});

const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (b: number) => Math.round((b / 1_048_576) * 10) / 10;

// ---------------------------------------------------------------- the server child

type ToChild = { type: "rss" };
type FromChild = { type: "ready"; url: string } | { type: "rss"; rss: number };

if (opts.serve) {
  const { startApp } = await import("../app/server/app");
  const { readEnv } = await import("../app/utils/env.server");
  const app = await startApp({ env: readEnv(), seed: false });
  process.on("message", (m: ToChild) => {
    if (m.type === "rss") process.send?.({ type: "rss", rss: process.memoryUsage().rss } satisfies FromChild);
  });
  // a bounded stop: the figures are taken, and a slow drain under load must not hold the run
  const stop = async () => {
    await Promise.race([app.stop(), sleep(5000)]);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("disconnect", () => void stop());
  process.send?.({ type: "ready", url: app.url } satisfies FromChild);
} else {
  await main();
}

interface Server {
  url: string;
  child: ChildProcess;
  rss(): Promise<number>;
  stop(): Promise<void>;
}

function startServer(databaseUrl: string): Promise<Server> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "test",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      DECONFLICTION_SECRET: randomBytes(32).toString("hex"),
    },
    stdio: ["ignore", 2, "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited early with ${code}`)));
    child.on("message", function onReady(m: FromChild) {
      if (m.type !== "ready") return;
      child.off("message", onReady);
      resolve({
        url: m.url,
        child,
        rss: () =>
          new Promise((done) => {
            const on = (r: FromChild) => {
              if (r.type !== "rss") return;
              child.off("message", on);
              done(r.rss);
            };
            child.on("message", on);
            child.send({ type: "rss" } satisfies ToChild);
          }),
        async stop() {
          if (child.exitCode === null) child.kill("SIGTERM");
          await exited;
        },
      });
    });
  });
}

// ---------------------------------------------------------------- figures

function quantiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, p50: r(q(50)), p95: r(q(95)), p99: r(q(99)), max: r(s[s.length - 1] ?? 0) };
}

// ---------------------------------------------------------------- clients

type Ack<T> = { ok: true; data: T } | { ok: false; code: string };

interface Client {
  socket: Socket;
  server: number;
  cookie: string;
  /** seq -> true, every message this client has, live or synced */
  have: Set<number>;
  /** seqs received live on the current connection */
  liveThisConnection: Set<number>;
  duplicatesLive: number;
  syncOverlap: number;
  maxSeq: number;
  online: boolean;
}

function open(url: string, cookie: string): Promise<Socket> {
  const socket = io(url, { transports: ["websocket"], extraHeaders: { Cookie: cookie, Origin: url }, forceNew: true, reconnection: false, timeout: 60_000 });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => reject(err));
  });
}

function emitAck<T>(socket: Socket, event: string, payload: unknown, ms = 60_000): Promise<Ack<T>> {
  return socket
    .timeout(ms)
    .emitWithAck(event, payload)
    .catch(() => ({ ok: false, code: "timeout" })) as Promise<Ack<T>>;
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((x, k) => fn(x, i + k)))));
  return out;
}

interface Sent {
  at: number;
  server: number;
  seq: number | null;
  ok: boolean;
  /** arrival delay at each client that got it live */
  arrivals: number[];
  crossArrivals: number[];
}

/** Joins, then fills everything after the client's last seq (paged); a new client starts from now. */
async function rejoin(c: Client, channelId: string, first = false): Promise<void> {
  // the last seq held before joining: live messages arriving during the join must not move it
  let after = c.maxSeq;
  const joined = await emitAck<{ lastSeq: number }>(c.socket, "chat:join", { channelId });
  if (!joined.ok) throw new Error(`join refused: ${joined.code}`);
  if (first) after = c.maxSeq = joined.data.lastSeq;
  for (;;) {
    const page = await emitAck<{ messages: MessageDto[]; more: boolean }>(c.socket, "chat:sync", { channelId, afterSeq: after, limit: 500 });
    if (!page.ok) throw new Error(`sync refused: ${page.code}`);
    for (const m of page.data.messages) {
      if (c.have.has(m.seq)) c.syncOverlap++;
      c.have.add(m.seq);
      c.maxSeq = Math.max(c.maxSeq, m.seq);
    }
    if (!page.data.more || page.data.messages.length === 0) break;
    after = page.data.messages.at(-1)!.seq;
  }
}

function listen(c: Client, sent: Map<string, Sent>) {
  c.socket.on("chat:message", (m: MessageDto) => {
    const now = performance.now();
    if (c.liveThisConnection.has(m.seq)) c.duplicatesLive++;
    c.liveThisConnection.add(m.seq);
    if (c.have.has(m.seq)) c.syncOverlap++;
    c.have.add(m.seq);
    c.maxSeq = Math.max(c.maxSeq, m.seq);
    const s = sent.get(m.idempotencyKey);
    if (s) {
      s.arrivals.push(now - s.at);
      if (s.server !== c.server) s.crossArrivals.push(now - s.at);
    }
  });
}

async function connectClients(servers: Server[], cookies: string[], channelId: string, sent: Map<string, Sent>): Promise<Client[]> {
  return inBatches(cookies, 50, async (cookie, i) => {
    const server = i % servers.length;
    const socket = await open(servers[server]!.url, cookie);
    const c: Client = { socket, server, cookie, have: new Set(), liveThisConnection: new Set(), duplicatesLive: 0, syncOverlap: 0, maxSeq: 0, online: true };
    listen(c, sent);
    await rejoin(c, channelId, true);
    return c;
  });
}

interface RunOptions {
  servers: Server[];
  cookies: string[];
  channelId: string;
  durationS: number;
  rate: number;
  posters: number;
  storm: boolean;
}

async function runTraffic(o: RunOptions) {
  const sent = new Map<string, Sent>();
  log(`connecting ${o.cookies.length} clients to ${o.servers.length} process(es)`);
  const t0 = performance.now();
  const clients = await connectClients(o.servers, o.cookies, o.channelId, sent);
  log(`connected in ${Math.round(performance.now() - t0)} ms`);
  const startSeq = Math.max(0, ...clients.map((c) => c.maxSeq));
  // what a client had before the run is not part of the run's expectations
  for (const c of clients) c.have.clear();
  // the posters alternate between processes; the storm never drops a poster
  const posters = clients.slice(0, o.posters);
  const ackLatency: number[] = [];
  const ackFailures: Record<string, number> = {};
  const rssSamples: number[][] = o.servers.map(() => []);
  const sampler = setInterval(() => {
    o.servers.forEach((s, i) => void s.rss().then((r) => rssSamples[i]!.push(r)));
  }, 1000);

  const storms: Promise<void>[] = [];
  let reconnectFailures = 0;
  let dropped = 0;
  if (o.storm) {
    const candidates = clients.slice(o.posters);
    const droppers = candidates.filter((_, i) => i % 5 === 0);
    dropped = droppers.length;
    log(`storm: ${droppers.length} clients will drop for 2-10 s`);
    for (const c of droppers) {
      const dropAt = (0.1 + Math.random() * 0.5) * o.durationS * 1000;
      const away = Math.min(2000 + Math.random() * 8000, o.durationS * 400);
      storms.push(
        (async () => {
          await sleep(dropAt);
          c.online = false;
          c.socket.disconnect();
          await sleep(away);
          c.liveThisConnection = new Set();
          try {
            // a new connection, as after a network change or a reload
            c.socket = await open(o.servers[c.server]!.url, c.cookie);
            listen(c, sent);
            await rejoin(c, o.channelId);
            c.online = true;
          } catch {
            reconnectFailures++;
          }
        })(),
      );
    }
  }

  log(`posting ${o.rate}/s for ${o.durationS} s from ${posters.length} posters`);
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  let posted = 0;
  const total = Math.round(o.rate * o.durationS);
  while (posted < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * o.rate));
    while (posted < due) {
      const poster = posters[posted % posters.length]!;
      const key = randomUUID();
      const s: Sent = { at: performance.now(), server: poster.server, seq: null, ok: false, arrivals: [], crossArrivals: [] };
      sent.set(key, s);
      posted++;
      inflight.push(
        emitAck<{ message: MessageDto }>(poster.socket, "chat:post", { channelId: o.channelId, body: `Bench message ${posted}: the courier crossed at ${new Date().toISOString()}`, idempotencyKey: key }).then(
          (res) => {
            if (res.ok) {
              s.ok = true;
              s.seq = res.data.message.seq;
              ackLatency.push(performance.now() - s.at);
            } else ackFailures[res.code] = (ackFailures[res.code] ?? 0) + 1;
          },
        ),
      );
    }
    await sleep(5);
  }
  await Promise.all(inflight);
  await Promise.all(storms);
  log("posting done; waiting for the last deliveries");
  const okSent = [...sent.values()].filter((s) => s.ok);
  const okSeqs = okSent.map((s) => s.seq!);
  const expectedAt = (c: Client) => okSeqs.filter((q) => !c.have.has(q)).length;
  const graceUntil = performance.now() + 15_000;
  while (performance.now() < graceUntil && clients.some((c) => expectedAt(c) > 0)) await sleep(200);
  clearInterval(sampler);
  const finalRss = await Promise.all(o.servers.map((s) => s.rss()));

  const lost = clients.reduce((n, c) => n + expectedAt(c), 0);
  const allDelivered = okSent.filter((s) => s.arrivals.length === clients.length).map((s) => Math.max(...s.arrivals));
  const result = {
    clients: clients.length,
    processes: o.servers.length,
    durationS: o.durationS,
    posted: total,
    acked: okSent.length,
    ackFailures,
    postToAckMs: quantiles(ackLatency),
    deliveryMs: quantiles(okSent.flatMap((s) => s.arrivals)),
    deliveryToAllMs: { ...quantiles(allDelivered), messagesReachingEveryone: allDelivered.length },
    ...(o.servers.length > 1 ? { crossProcessDeliveryMs: quantiles(okSent.flatMap((s) => s.crossArrivals)) } : {}),
    deliveriesExpected: okSeqs.length * clients.length,
    lost,
    duplicatesLive: clients.reduce((n, c) => n + c.duplicatesLive, 0),
    ...(o.storm
      ? {
          droppedClients: dropped,
          reconnectFailures,
          syncOverlapDeduplicated: clients.reduce((n, c) => n + c.syncOverlap, 0),
        }
      : {}),
    seqRange: [startSeq + 1, Math.max(...okSeqs, startSeq)],
    serverRssMiB: finalRss.map(mib),
    serverRssMaxMiB: rssSamples.map((xs, i) => mib(Math.max(finalRss[i]!, ...xs))),
  };
  for (const c of clients) c.socket.disconnect();
  await sleep(500);
  return result;
}

async function runIdle(server: Server, cookies: string[]) {
  const before = await server.rss();
  log(`idle: connecting ${cookies.length} sockets`);
  const t0 = performance.now();
  const sockets = await inBatches(cookies, 100, (cookie) => open(server.url, cookie));
  const connectMs = Math.round(performance.now() - t0);
  await sleep(5000);
  const after = await server.rss();
  log(`idle: ${sockets.length} sockets, server RSS ${mib(before)} -> ${mib(after)} MiB`);
  for (const s of sockets) s.disconnect();
  await sleep(1000);
  return { sockets: sockets.length, connectMs, serverRssBeforeMiB: mib(before), serverRssAfterMiB: mib(after), perSocketKiB: Math.round(((after - before) / sockets.length / 1024) * 10) / 10 };
}

// ---------------------------------------------------------------- data

async function seed(sql: postgres.Sql, users: number) {
  const [agency] = await sql`insert into agencies (name, country, kind) values ('Bench Border Police', 'RS', 'border_police') returning id`;
  const [op] = await sql`
    insert into operations (code_name, summary, crime_areas, lead_agency_id, jit_reference, jit_start, jit_end, status)
    values ('BENCH CHAT', 'Chat benchmark', '{migrant_smuggling}', ${agency!.id}, 'JIT-BENCH', '2020-01-01', '2099-12-31', 'active') returning id`;
  await sql`insert into operation_agencies (operation_id, agency_id) values (${op!.id}, ${agency!.id})`;
  const [channel] = await sql`insert into channels (kind, operation_id, name, is_general) values ('operation', ${op!.id}, 'general', true) returning id`;
  const cookies: string[] = [];
  const now = new Date();
  const expires = new Date(now.getTime() + 6 * 3_600_000);
  for (let i = 0; i < users; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, users - i) }, (_, k) => {
      const n = i + k;
      return { id: randomUUID(), email: `bench-chat-${n}@concordia.test`, name: `Officer ${n}`, agency_id: agency!.id, office_role: "officer", session: randomBytes(20).toString("hex") };
    });
    await sql`insert into users ${sql(batch.map(({ session: _s, ...u }) => u))}`;
    await sql`insert into operation_members ${sql(batch.map((u) => ({ operation_id: op!.id, user_id: u.id, role: "member" })))}`;
    // signed-in sessions with the second factor passed, as after a real sign-in
    await sql`insert into sessions ${sql(batch.map((u) => ({ id: u.session, user_id: u.id, expires_at: expires, created_at: now, two_factor_verified: true })))}`;
    cookies.push(...batch.map((u) => `concordia_session=${u.session}`));
  }
  return { channelId: channel!.id as string, cookies };
}

// ---------------------------------------------------------------- main

async function main() {
  if (!existsSync(path.resolve("build/index.js"))) throw new Error("No Remix build: run `npm run build` first.");
  const durationS = Number(opts.duration);
  const nClients = Number(opts.clients);
  const rate = Number(opts.rate);
  const nIdle = Number(opts.idle);
  const nPosters = Number(opts.posters);
  const scenarios = new Set(opts.scenarios!.split(",").map((s) => s.trim()));
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const dbName = `concordia_bench_chat_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const dbUrl = url.toString();
  log(`database ${dbName}`);
  const results: Record<string, unknown> = {};
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  try {
    const handle = await createDb({ kind: "postgres", url: dbUrl, max: 2 });
    await handle.migrate();
    await handle.close();
    const { channelId, cookies } = await seed(sql, Math.max(nClients, scenarios.has("idle") ? nIdle : 0));
    log(`seeded ${cookies.length} users with sessions`);

    const traffic = async (name: string, processes: number, storm: boolean) => {
      const servers = await Promise.all(Array.from({ length: processes }, () => startServer(dbUrl)));
      try {
        log(`scenario ${name}`);
        results[name] = await runTraffic({ servers, cookies: cookies.slice(0, nClients), channelId, durationS, rate, posters: nPosters, storm });
        log(`${name}: ${JSON.stringify(results[name])}`);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    };
    if (scenarios.has("one")) await traffic("one", 1, false);
    if (scenarios.has("two")) await traffic("two", 2, false);
    if (scenarios.has("idle")) {
      const server = await startServer(dbUrl);
      try {
        results.idle = await runIdle(server, cookies.slice(0, nIdle));
      } finally {
        await server.stop();
      }
    }
    if (scenarios.has("storm")) await traffic("storm", 1, true);
  } finally {
    await sql.end();
    if (!opts.keep) await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  const cpu = os.cpus();
  const out = {
    bench: "chat",
    machine: `${cpu.length} vCPU ${cpu[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
    settings: { durationS, clients: nClients, rate, posters: nPosters, idle: nIdle },
    ...results,
  };
  console.log(JSON.stringify(out));
  process.exit(0);
}
