/**
 * Chat under load: `npm run bench:chat [-- --duration 60] [--clients 1000] [--rate 50] [--idle 5000]
 *   [--posters 10] [--scenarios one,two,idle,storm] [--client-processes 2] [--warmup 3] [--keep]`.
 *
 * Creates its own database `concordia_bench_chat_<ts>` on the local PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres names the
 * server) and drops it afterwards (unless --keep). The app runs in child processes
 * (this script with --serve: startApp with the Remix build in build/, so run
 * `npm run build` first), so the server's RSS is measured apart from the clients.
 * Clients (scripts/bench-chat-clients.ts) are real socket.io connections (websocket,
 * the signed-in session's cookie, the server's handshake, auth, chat:join and chat:sync)
 * that read only the seq and key of each message they receive: the posters run in this
 * process, the other clients in `--client-processes` (default 2) child processes, so
 * decoding 50,000 deliveries a second does not run on the posters' event loop. Scenarios:
 *  - one:   `clients` sockets of operation members in the general channel on one process;
 *           `posters` of them post `rate` messages a second in total for `duration` s:
 *           post→ack and post→delivery (each arrival, and to all clients) p50/p99, lost,
 *           duplicates, server RSS;
 *  - two:   the same with two app processes, half the clients (and posters) on each:
 *           cross-process delivery p50/p99 and lost;
 *  - idle:  `idle` authenticated sockets on one process, doing nothing: server RSS;
 *  - storm: as `one`, while a fifth of the non-posting clients drop for 2–10 s each and
 *           come back (rejoin, sync from their last seq): lost and duplicated.
 * Each traffic scenario first posts at the same rate for `--warmup` seconds (default 3) and
 * waits a second, unmeasured, as on a server that has been running: its code compiled, its
 * database connections open, the channel known to it. Then the clients forget what they got.
 * Times are wall-clock (performance.timeOrigin + performance.now()) in every process of the
 * bench: the send in this one, the arrival in the client's.
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
import { createDb } from "../db/client";
import { clock, Group, RawClient, type ClientSpec, type FromClients, type ToClients } from "./bench-chat-clients";

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
    /** Seconds of posting at the same rate before the measured run, whose figures are not kept. */
    warmup: { type: "string", default: "3" },
    /** How many child processes share the non-posting clients (the posters stay in the bench process). */
    "client-processes": { type: "string", default: "2" },
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
    // BENCH_SERVER_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server
    execArgv: ["--import", "tsx", ...(process.env.BENCH_SERVER_NODE_OPTIONS?.split(" ").filter(Boolean) ?? [])],
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

/** A group of clients in a child process of its own (scripts/bench-chat-clients.ts). */
interface ClientProcess {
  child: ChildProcess;
  request<T extends FromClients["type"]>(m: ToClients, answer: T): Promise<Extract<FromClients, { type: T }>>;
}

function startClientProcess(): ClientProcess {
  const child = fork(fileURLToPath(new URL("./bench-chat-clients.ts", import.meta.url)), ["--clients-child"], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", 2, "inherit", "ipc"],
    serialization: "advanced",
  });
  return {
    child,
    request(m, answer) {
      return new Promise((resolve, reject) => {
        const on = (r: FromClients) => {
          if (r.type === "error") {
            child.off("message", on);
            reject(new Error(r.message));
          } else if (r.type === answer) {
            child.off("message", on);
            resolve(r as never);
          }
        };
        child.on("message", on);
        child.send(m);
      });
    },
  };
}

interface Sent {
  at: number;
  server: number;
  seq: number | null;
  ok: boolean;
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
  const specs: ClientSpec[] = o.cookies.map((cookie, i) => ({ cookie, server: i % o.servers.length, url: o.servers[i % o.servers.length]!.url }));
  // the posters alternate between processes; the storm never drops a poster
  const posterGroup = new Group(o.channelId, o.servers.length);
  const rest = specs.slice(o.posters);
  const children = Array.from({ length: Math.min(Number(opts["client-processes"]), rest.length) }, () => startClientProcess());
  log(`connecting ${specs.length} clients to ${o.servers.length} process(es): ${o.posters} posters here, ${rest.length} in ${children.length} client process(es)`);
  const t0 = performance.now();
  const maxSeqs = await Promise.all([
    posterGroup.connect(specs.slice(0, o.posters)),
    ...children.map((c, k) =>
      c.request({ type: "connect", channelId: o.channelId, servers: o.servers.length, specs: rest.filter((_, i) => i % children.length === k) }, "connected").then((r) => r.maxSeq),
    ),
  ]);
  log(`connected in ${Math.round(performance.now() - t0)} ms`);
  let startSeq = Math.max(0, ...maxSeqs);
  const warmupS = Number(opts.warmup);
  if (warmupS > 0) {
    // as a server that has been running: code compiled, connections open, the channel known
    log(`warming up: ${o.rate}/s for ${warmupS} s, not measured`);
    const acks: Promise<Ack<{ message: { seq: number } }>>[] = [];
    const start = performance.now();
    for (let i = 0; i < Math.round(o.rate * warmupS); i++) {
      const wait = start + (i / o.rate) * 1000 - performance.now();
      if (wait > 0) await sleep(wait);
      const poster = posterGroup.members[i % posterGroup.members.length]!;
      acks.push(poster.client.emitAck("chat:post", { channelId: o.channelId, body: `Warm-up message ${i}`, idempotencyKey: randomUUID() }));
    }
    for (const res of await Promise.all(acks)) if (res.ok) startSeq = Math.max(startSeq, res.data.message.seq);
    await sleep(1000);
  }
  posterGroup.reset();
  await Promise.all(children.map((c) => c.request({ type: "reset" }, "reset")));
  const posters = posterGroup.members.map((m) => ({ client: m.client, server: m.spec.server }));
  const ackLatency: number[] = [];
  const ackFailures: Record<string, number> = {};
  const rssSamples: number[][] = o.servers.map(() => []);
  const sampler = setInterval(() => {
    o.servers.forEach((s, i) => void s.rss().then((r) => rssSamples[i]!.push(r)));
  }, 1000);

  let dropped = 0;
  if (o.storm) {
    dropped = (await Promise.all(children.map((c) => c.request({ type: "storm", durationS: o.durationS }, "storm")))).reduce((n, r) => n + r.dropped, 0);
    log(`storm: ${dropped} clients will drop for 2-10 s`);
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
      const s: Sent = { at: clock(), server: poster.server, seq: null, ok: false };
      sent.set(key, s);
      posted++;
      inflight.push(
        poster.client
          .emitAck<{ message: { seq: number } }>("chat:post", { channelId: o.channelId, body: `Bench message ${posted}: the courier crossed at ${new Date().toISOString()}`, idempotencyKey: key })
          .then((res: Ack<{ message: { seq: number } }>) => {
            if (res.ok) {
              s.ok = true;
              s.seq = res.data.message.seq;
              ackLatency.push(clock() - s.at);
            } else ackFailures[res.code] = (ackFailures[res.code] ?? 0) + 1;
          }),
      );
    }
    await sleep(2);
  }
  await Promise.all(inflight);
  log("posting done; waiting for the last deliveries");
  const okSent = [...sent.entries()].filter(([, s]) => s.ok);
  const okSeqs = okSent.map(([, s]) => s.seq!);
  const reports = await Promise.all([posterGroup.finish(okSeqs), ...children.map((c) => c.request({ type: "finish", okSeqs }, "report").then((r) => r.report))]);
  clearInterval(sampler);
  const finalRss = await Promise.all(o.servers.map((s) => s.rss()));

  const clients = reports.reduce((n, r) => n + r.clients, 0);
  const deliveries: number[] = [];
  const cross: number[] = [];
  const allDelivered: number[] = [];
  for (const [key, s] of okSent) {
    let n = 0;
    let last = 0;
    for (const r of reports) {
      const per = r.arrivals[key];
      if (!per) continue;
      per.forEach((times, server) => {
        for (const t of times) {
          const d = t - s.at;
          deliveries.push(d);
          if (server !== s.server) cross.push(d);
          if (d > last) last = d;
          n++;
        }
      });
    }
    if (n === clients) allDelivered.push(last);
  }
  const result = {
    clients,
    clientProcesses: children.length,
    processes: o.servers.length,
    durationS: o.durationS,
    posted: total,
    acked: okSent.length,
    ackFailures,
    postToAckMs: quantiles(ackLatency),
    deliveryMs: quantiles(deliveries),
    deliveryToAllMs: { ...quantiles(allDelivered), messagesReachingEveryone: allDelivered.length },
    ...(o.servers.length > 1 ? { crossProcessDeliveryMs: quantiles(cross) } : {}),
    deliveriesExpected: okSeqs.length * clients,
    lost: reports.reduce((n, r) => n + r.missing, 0),
    duplicatesLive: reports.reduce((n, r) => n + r.duplicatesLive, 0),
    ...(o.storm
      ? {
          droppedClients: dropped,
          reconnectFailures: reports.reduce((n, r) => n + r.reconnectFailures, 0),
          syncOverlapDeduplicated: reports.reduce((n, r) => n + r.syncOverlap, 0),
        }
      : {}),
    seqRange: [startSeq + 1, Math.max(...okSeqs, startSeq)],
    serverRssMiB: finalRss.map(mib),
    serverRssMaxMiB: rssSamples.map((xs, i) => mib(Math.max(finalRss[i]!, ...xs))),
  };
  posterGroup.close();
  await Promise.all(children.map((c) => c.request({ type: "close" }, "closed").catch(() => undefined)));
  await sleep(500);
  return result;
}

async function runIdle(server: Server, cookies: string[]) {
  const before = await server.rss();
  log(`idle: connecting ${cookies.length} sockets`);
  const t0 = performance.now();
  const sockets: RawClient[] = [];
  for (let i = 0; i < cookies.length; i += 100) {
    await Promise.all(
      cookies.slice(i, i + 100).map(async (cookie) => {
        const c = new RawClient(server.url, cookie);
        await c.connect();
        sockets.push(c);
      }),
    );
  }
  const connectMs = Math.round(performance.now() - t0);
  await sleep(5000);
  const after = await server.rss();
  log(`idle: ${sockets.length} sockets, server RSS ${mib(before)} -> ${mib(after)} MiB`);
  for (const s of sockets) s.close();
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
