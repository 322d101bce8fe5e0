// Several app processes on one PostgreSQL database share broadcasts through the
// socket.io Postgres adapter (docs/decisions/002-socketio-postgres-adapter.md).
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "../../app/domain/events";
import { createOperation, createUser, TEST_PASSWORD } from "../factories/index";
import { createTestDb, type TestDb } from "../setup/db";
import type { FromChild, ToChild } from "./app-process";
import { closeAllSockets, collect, connected, disconnection, eventually, joinOperation, roundTrip, within } from "./helpers";

const PG = !!process.env.DATABASE_URL;
const WHY = "(needs DATABASE_URL: embedded PGlite is single-process)";

interface AppProcess {
  url: string;
  child: ChildProcess;
  publish(event: DomainEvent): Promise<void>;
  stop(): Promise<number | null>;
}

function startProcess(databaseUrl: string): Promise<AppProcess> {
  const child = fork(path.resolve("tests/socket/app-process.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      // only the adapter can deliver what these tests expect: the sweep is out of the way
      SESSION_SWEEP_MS: String(3_600_000),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`app process exited early with ${code}`)));
    child.on("message", function onReady(msg: FromChild) {
      if (msg.type !== "ready") return;
      child.off("message", onReady);
      resolve({
        url: msg.url,
        child,
        publish: (event) =>
          new Promise((done) => {
            child.once("message", (m: FromChild) => m.type === "published" && done());
            child.send({ type: "publish", event } satisfies ToChild);
          }),
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          return exited;
        },
      });
    });
  });
}

async function signInAt(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: TEST_PASSWORD }),
    redirect: "manual",
  });
  const setCookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !setCookie) throw new Error(`sign-in failed: ${res.status}`);
  return setCookie.split(";")[0]!;
}

describe("several app processes on one database", () => {
  let db: TestDb;
  let a: AppProcess;
  let b: AppProcess;

  beforeAll(async () => {
    if (!PG) return;
    db = await createTestDb();
    // one after the other: the second also proves migrations are a no-op once applied
    a = await startProcess(db.url!);
    b = await startProcess(db.url!);
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    if (!PG) return;
    const codes = await Promise.all([a?.stop(), b?.stop()]);
    await db?.destroy();
    expect(codes).toEqual([0, 0]);
  });

  it.skipIf(!PG)(`a socket on process B receives operation:updated published by process A ${WHY}`, async () => {
    const u = await createUser(db.db);
    const op = await createOperation(db.db, { members: [[u.id, "member"]] });
    const cookie = await signInAt(a.url, u.email);
    const onB = await connected(b.url, cookie);
    const onA = await connected(a.url, cookie);
    expect(await joinOperation(onB, op.id)).toMatchObject({ ok: true });
    expect(await joinOperation(onA, op.id)).toMatchObject({ ok: true });
    const seenB = collect<{ operationId: string }>(onB, "operation:updated");
    const seenA = collect<{ operationId: string }>(onA, "operation:updated");

    await a.publish({ name: "operation.updated", payload: { operationId: op.id } });
    await eventually(() => seenB.length === 1 && seenA.length === 1, "the broadcast on both processes");
    expect(seenB).toEqual([{ operationId: op.id }]);
  });

  it.skipIf(!PG)(`a real edit over HTTP on process A reaches a member's socket on process B ${WHY}`, async () => {
    const lead = await createUser(db.db);
    const op = await createOperation(db.db, { members: [[lead.id, "lead"]] });
    const cookie = await signInAt(a.url, lead.email);
    const onB = await connected(b.url, cookie);
    expect(await joinOperation(onB, op.id)).toMatchObject({ ok: true });
    const seen = collect<{ operationId: string }>(onB, "operation:updated");

    const form = new URLSearchParams({
      codeName: `${op.codeName} renamed`,
      summary: "Edited on process A",
      crimeAreas: "migrant_smuggling",
      leadAgencyId: op.leadAgencyId,
      jitReference: op.jitReference ?? "JIT-TEST",
      jitStart: op.jitStart ?? "2020-01-01",
      jitEnd: op.jitEnd ?? "2099-12-31",
      status: op.status,
      version: String(op.version),
    });
    const res = await fetch(`${a.url}/operations/${op.id}?index`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: a.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
      redirect: "manual",
    });
    expect(res.status).toBe(200);
    await eventually(() => seen.length === 1, "operation:updated on process B");
    expect(seen).toEqual([{ operationId: op.id }]);
  });

  it.skipIf(!PG)(`a non-member on process B never receives a broadcast from process A ${WHY}`, async () => {
    const member = await createUser(db.db);
    const outsider = await createUser(db.db);
    const op = await createOperation(db.db, { members: [[member.id, "member"]] });
    const insider = await connected(b.url, await signInAt(a.url, member.email));
    const intruder = await connected(b.url, await signInAt(b.url, outsider.email));
    expect(await joinOperation(insider, op.id)).toMatchObject({ ok: true });
    expect(await joinOperation(intruder, op.id)).toEqual({ ok: false, code: "not_found" });
    const seenInsider = collect(insider, "operation:updated");
    const seenIntruder = collect(intruder, "operation:updated");

    await a.publish({ name: "operation.updated", payload: { operationId: op.id } });
    await eventually(() => seenInsider.length === 1, "the broadcast at the member");
    // anything process B sent the intruder before answering this has arrived by now
    await roundTrip(intruder);
    expect(seenIntruder).toEqual([]);
  });

  it.skipIf(!PG)(`signing out over HTTP on process A disconnects the session's socket on process B ${WHY}`, async () => {
    const u = await createUser(db.db);
    const cookie = await signInAt(a.url, u.email);
    const onB = await connected(b.url, cookie);
    const gone = disconnection(onB);
    const res = await fetch(`${a.url}/logout`, { method: "POST", headers: { Cookie: cookie, Origin: a.url }, redirect: "manual" });
    expect(res.status).toBe(302);
    expect(await within(gone, 10_000, "the disconnect through the adapter")).toBe("io server disconnect");
  });
});
