import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../../app/server/app";
import { readEnv } from "../../app/utils/env.server";
import { createUser } from "../factories/index";
import { signInCookie, startTestApp, type TestApp } from "../setup/app";
import { createTestDb } from "../setup/db";

describe("the server as a service", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("answers /healthz and /readyz without a session", async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("sends a CSP whose nonce is the nonce of every script in the page, new on every response", async () => {
    const res = await fetch(`${app.url}/login`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);

    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    // Remix's inline context and module scripts are all there, and all carry the nonce
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    // the live channel may reach its own websocket, and no other
    expect(csp).toMatch(new RegExp(`connect-src 'self' ws://${new URL(app.url).host}(;|$)`));
    expect(csp).not.toMatch(/connect-src[^;]* wss?:(\s|;|$)/);

    const again = (await fetch(`${app.url}/login`)).headers.get("content-security-policy") ?? "";
    expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(nonce);
  });

  it("sends helmet's security headers and no X-Powered-By", async () => {
    const res = await fetch(`${app.url}/login`);
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("refuses a state-changing request without our Origin, and lets ours through", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${app.url}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams({ email: "nobody@example.test", password: "" }),
        redirect: "manual",
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ Origin: "null" })).status).toBe(403);
    const ours = await post({ Origin: app.url });
    expect(ours.status).not.toBe(403);
    expect(ours.status).toBe(400);
  });

  it("echoes a well-formed X-Request-Id and makes one up otherwise", async () => {
    const echoed = await fetch(`${app.url}/login`, { headers: { "X-Request-Id": "lb-7f3a-42" } });
    expect(echoed.headers.get("x-request-id")).toBe("lb-7f3a-42");
    const made = await fetch(`${app.url}/healthz`, { headers: { "X-Request-Id": "bad id; with spaces" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const none = await fetch(`${app.url}/login`);
    expect(none.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("structured logs", () => {
  it("writes one JSON line per request with its request id, and neither the cookie nor the query string", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split("\n")) if (l.trim()) lines.push(JSON.parse(l));
        done();
      },
    });
    const testDb = await createTestDb();
    const env = readEnv({ PORT: "0", HOST: "127.0.0.1", NODE_ENV: "test", DATABASE_URL: testDb.url ?? "" });
    const app = await startApp({ env, dbHandle: testDb, logger: pino({ level: "info" }, sink), seed: false, buildPath: path.resolve("build/index.js") });
    try {
      const u = await createUser(testDb.db);
      const cookie = await signInCookie(app, u.email);
      const secret = cookie.split("=")[1]!;
      // the body read to its end: the server has finished, and logged, the response
      await fetch(`${app.url}/login?q=%2B38164123456`, { headers: { Cookie: cookie, "X-Request-Id": "trace-123" } }).then((r) => r.text());
      await fetch(`${app.url}/healthz`);
      const entry = lines.find((l) => (l.req as { id?: string } | undefined)?.id === "trace-123");
      expect(entry).toMatchObject({ msg: "request completed", req: { method: "GET", path: "/login" }, res: { statusCode: expect.any(Number) } });
      const all = JSON.stringify(lines);
      expect(all).not.toContain(secret);
      expect(all).not.toContain("38164123456");
      // probes do not drown the log
      expect(lines.some((l) => (l.req as { path?: string } | undefined)?.path === "/healthz")).toBe(false);
    } finally {
      await app.stop();
      await testDb.destroy();
    }
  });
});

describe("readiness without a database", () => {
  it("/readyz answers 503 when the database does not answer, /healthz still 200", async () => {
    const app = await startTestApp();
    try {
      await app.dbHandle.close();
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "database_unreachable" });
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

// The real entry point (app/server/main.ts) in a child process: embedded database in
// a temporary DATA_DIR, an ephemeral port, JSON logs on stdout.
describe("SIGTERM", () => {
  let child: ChildProcess | null = null;
  let dataDir = "";
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("stops accepting, lets the request in flight finish, and exits with 0", async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "concordia-sigterm-"));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "production" };
    delete env.DATABASE_URL;
    const proc = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
    child = proc;
    const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));

    let out = "";
    const waiters: { test: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
    proc.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      for (const w of [...waiters]) {
        const m = out.match(w.test);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
    const stdoutLine = (test: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const m = out.match(test);
        if (m) return resolve(m);
        waiters.push({ test, resolve });
        void exited.then((code) => reject(new Error(`exited with ${code} before printing ${test}:\n${out}`)));
      });

    const url = (await stdoutLine(/^Concordia (http:\/\/\S+)/m))[1]!;
    const { hostname, port } = new URL(url);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    // A POST whose body is held back: once the server has answered "100 Continue" the
    // request is in flight. SIGTERM goes out then; the body only after shutdown began.
    const body = new URLSearchParams({ email: "nobody@example.test", password: "not-the-password" }).toString();
    const response = new Promise<{ status: number; connection: string | undefined; text: string }>((resolve, reject) => {
      const req = request({
        host: hostname,
        port: Number(port),
        method: "POST",
        path: "/login",
        headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Expect: "100-continue" },
      });
      req.on("continue", async () => {
        proc.kill("SIGTERM");
        await stdoutLine(/shutting down/);
        req.end(body);
      });
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, text }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.flushHeaders();
    });

    const res = await response;
    // the action ran against the still-open database and rendered the whole page
    expect(res.status).toBe(400);
    expect(res.text.trimEnd()).toMatch(/<\/html>$/);
    expect(res.connection).toBe("close");

    // no new connections once shutdown has begun
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(await exited).toBe(0);
    expect(out).toMatch(/"msg":"stopped"/);
  });
});
