/**
 * Opening a chat channel: `npm run bench:chat-page [-- --messages 100000] [--runs 40] [--keep]`.
 *
 * Creates its own database `concordia_bench_chatpage_<ts>` on the local PostgreSQL
 * (BENCH_DATABASE_URL names the server, default postgres://postgres@127.0.0.1:5432/postgres)
 * and drops it afterwards (unless --keep). One operation with two channels: a small one
 * (10 messages, written through the service) and a big one (`messages` rows inserted in
 * bulk, then a few through the service so its counters are the service's own). Then the
 * real server (startApp with the Remix build in build/: run `npm run build` first) answers
 * GET /chat/<id> for both, and a history page in the middle of the big one; the page holds
 * only the last page of messages however long the channel is
 * (docs/decisions/007-chat-windowed-timeline.md). Last stdout line: one JSON object.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import postgres from "postgres";
import { createDb } from "../db/client";
import { agencies, operationMembers, operations, users } from "../db/schema/index";
import { actorFor, loadCurrentUser } from "../app/domain/auth/current-user";
import { hashPassword } from "../app/domain/auth/passwords";
import { startApp } from "../app/server/app";
import { readEnv } from "../app/utils/env.server";

// a production server renders with React's production build
process.env.NODE_ENV ??= "production";

const { values: opts } = parseArgs({
  options: { messages: { type: "string", default: "100000" }, runs: { type: "string", default: "40" }, keep: { type: "boolean", default: false } },
});
const N = Number(opts.messages);
const RUNS = Number(opts.runs);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "bench-chat-page-password";
const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

function quantiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50: round(q(50)), p95: round(q(95)), p99: round(q(99)), max: round(s[s.length - 1] ?? 0) };
}

async function main() {
  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("No Remix build: run `npm run build` first.");
  const dbName = `concordia_bench_chatpage_${Date.now()}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  const dbUrl = url.toString();
  log(`database ${dbName}`);
  const handle = await createDb({ kind: "postgres", url: dbUrl });
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    await handle.migrate();
    const db = handle.db;
    const [agency] = await db.insert(agencies).values({ name: "Bench Police", country: "AT", kind: "police" }).returning();
    const hash = await hashPassword(PASSWORD);
    const people = [0, 1].map((i) => ({ id: randomUUID(), email: `bench-chat-${i}@concordia.test`, name: `Bench Officer ${i}`, agencyId: agency!.id, officeRole: "officer", passwordHash: hash, locale: "en", timeZone: "Europe/Vienna" }));
    await db.insert(users).values(people);
    const [op] = await db
      .insert(operations)
      .values({ codeName: "BENCH CHAT", summary: "bench", crimeAreas: ["migrant_smuggling"], leadAgencyId: agency!.id, jitReference: "JIT-BENCH", jitStart: "2020-01-01", jitEnd: "2099-12-31", status: "active" })
      .returning();
    await db.insert(operationMembers).values(people.map((p, i) => ({ operationId: op!.id, userId: p.id, role: i === 0 ? "lead" : "member" })));
    const lead = actorFor((await loadCurrentUser(db, people[0]!.id))!, "127.0.0.1");

    const env = readEnv({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", NODE_ENV: "production", DATABASE_URL: dbUrl });
    app = await startApp({ env, logger: pino({ level: "silent" }), seed: false, buildPath });
    const chat = app.services.chat;
    const bigId = (await chat.listChannels({ actor: lead })).find((c) => c.isGeneral)!.id;
    const { channelId: smallId } = await chat.createChannel({ actor: lead, input: { operationId: op!.id, name: "small", memberIds: [people[1]!.id] } });
    for (let i = 0; i < 10; i++) await chat.postMessage({ actor: lead, input: { channelId: smallId, body: `Small channel message ${i}`, idempotencyKey: randomUUID() } });

    const t0 = performance.now();
    // bulk rows with the shape the service writes; the last few go through the service itself
    await db.execute(sql`
      insert into messages (channel_id, seq, author_id, body, handling_code, idempotency_key, created_at)
      select ${bigId}::uuid, g, case when g % 2 = 0 then ${people[0]!.id} else ${people[1]!.id} end,
             'Bulk message ' || g || ': surveillance report on the **route**, vehicle ' || (g % 997),
             'H0', gen_random_uuid()::text, now() - ((${N} - g) || ' seconds')::interval
      from generate_series(1, ${N - 5}) g`);
    await db.execute(sql`update channels set last_seq = ${N - 5}, last_message_at = now() where id = ${bigId}::uuid`);
    for (let i = 0; i < 5; i++) await chat.postMessage({ actor: lead, input: { channelId: bigId, body: `Latest message ${i}`, idempotencyKey: randomUUID() } });
    await db.execute(sql`analyze messages`);
    log(`${N} messages in ${Math.round(performance.now() - t0)} ms`);

    const res = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: people[1]!.email, password: PASSWORD }),
      redirect: "manual",
    });
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const timed = async (p: string) => {
      const start = performance.now();
      const r = await fetch(`${app!.url}${p}`, { headers: { Cookie: cookie } });
      const body = await r.text();
      if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
      return { ms: performance.now() - start, bytes: body.length, rows: (body.match(/data-message-id=/g) ?? []).length };
    };
    const measure = async (p: string) => {
      for (let i = 0; i < 3; i++) await timed(p); // warm-up
      const samples: number[] = [];
      let last = { bytes: 0, rows: 0 };
      for (let i = 0; i < RUNS; i++) {
        const r = await timed(p);
        samples.push(r.ms);
        last = r;
      }
      return { ...quantiles(samples), htmlBytes: last.bytes, renderedRows: last.rows };
    };
    const small = await measure(`/chat/${smallId}`);
    log(`small channel (10): p50 ${small.p50} ms, p95 ${small.p95} ms, ${small.renderedRows} rows`);
    const big = await measure(`/chat/${bigId}`);
    log(`big channel (${N}): p50 ${big.p50} ms, p95 ${big.p95} ms, ${big.renderedRows} rows`);
    const history = await measure(`/api/chat/messages?channelId=${bigId}&before=${Math.floor(N / 2)}&limit=50`);
    log(`history page in the middle: p50 ${history.p50} ms, p95 ${history.p95} ms`);
    const around = await measure(`/chat/${bigId}?around=${Math.floor(N / 3)}`);
    log(`page around a search hit: p50 ${around.p50} ms, p95 ${around.p95} ms`);
    // the same page once the reader has read everything: what the unread counts cost
    const reader = actorFor((await loadCurrentUser(db, people[1]!.id))!, "127.0.0.1");
    await chat.markRead({ actor: reader, input: { channelId: bigId, seq: N } });
    const bigRead = await measure(`/chat/${bigId}`);
    log(`big channel, all read: p50 ${bigRead.p50} ms, p95 ${bigRead.p95} ms`);
    const mem = process.memoryUsage();
    console.log(
      JSON.stringify({
        bench: "chat-page",
        messages: N,
        runs: RUNS,
        smallChannelPageMs: small,
        bigChannelPageMs: big,
        historyPageMs: history,
        aroundPageMs: around,
        bigChannelAllReadPageMs: bigRead,
        rssMiB: Math.round((mem.rss / 1_048_576) * 10) / 10,
      }),
    );
  } finally {
    await app?.stop().catch(() => {});
    await handle.close().catch(() => {});
    if (!opts.keep) await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
