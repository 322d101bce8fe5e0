// A real server on an ephemeral port over a fresh database, for HTTP, socket and browser tests.
import { existsSync } from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { startApp, type RunningApp } from "../../app/server/app";
import { readEnv } from "../../app/utils/env.server";
import { TEST_PASSWORD } from "../factories/index";
import { createTestDb, type TestDb } from "./db";

export interface TestApp extends RunningApp {
  testDb: TestDb;
  close(): Promise<void>;
}

export async function startTestApp(opts: { env?: Record<string, string>; seed?: boolean } = {}): Promise<TestApp> {
  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("No Remix build: run `npm run build` (npm test does it first).");
  const testDb = await createTestDb();
  const env = readEnv({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", NODE_ENV: "test", SESSION_SWEEP_MS: "300", ...opts.env, DATABASE_URL: testDb.url ?? "" });
  const app = await startApp({ env, dbHandle: testDb, logger: pino({ level: "silent" }), seed: opts.seed ?? false, buildPath });
  return {
    ...app,
    testDb,
    async close() {
      await app.stop();
      await testDb.destroy().catch(() => {});
    },
  };
}

/** Signs in over HTTP like a browser and returns the Cookie header to send. */
export async function signInCookie(app: RunningApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await fetch(`${app.url}/login`, {
    method: "POST",
    headers: { Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const setCookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !setCookie) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return setCookie.split(";")[0]!;
}

/** fetch() against the app with a session cookie and our Origin on writes. */
export function client(app: RunningApp, cookie: string | null) {
  return (pathname: string, init: RequestInit & { form?: Record<string, string | string[]> } = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set("Cookie", cookie);
    let body = init.body;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      body = params;
      headers.set("Content-Type", "application/x-www-form-urlencoded");
    }
    if (init.method && init.method !== "GET" && !headers.has("Origin")) headers.set("Origin", app.url);
    return fetch(`${app.url}${pathname}`, { ...init, headers, body, redirect: "manual" });
  };
}
