import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../../app/server/api/rate-limit";
import { readEnv } from "../../app/utils/env.server";
import { actorOf, createAgency, createUser } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { api, issueToken } from "./helpers";

describe("token bucket", () => {
  it("allows a burst, refuses the next with the wait until one request is refilled, and refills evenly", () => {
    let t = 0;
    const limiter = createRateLimiter({ requests: 3, windowSeconds: 30, now: () => t });
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 10 });
    // another key has its own bucket
    expect(limiter.take("b").ok).toBe(true);
    t += 9_000;
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    t += 1_000;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    // idle for long: full again, never more than the burst
    t += 3_600_000;
    expect([1, 2, 3, 4].map(() => limiter.take("a").ok)).toEqual([true, true, true, false]);
  });

  it("reads its settings from the environment, 60 per 10 s unless set", () => {
    expect(readEnv({ NODE_ENV: "test" })).toMatchObject({ API_RATE_LIMIT_REQUESTS: 60, API_RATE_LIMIT_WINDOW_SECONDS: 10 });
    expect(readEnv({ NODE_ENV: "test", API_RATE_LIMIT_REQUESTS: "5", API_RATE_LIMIT_WINDOW_SECONDS: "60" })).toMatchObject({ API_RATE_LIMIT_REQUESTS: 5, API_RATE_LIMIT_WINDOW_SECONDS: 60 });
    expect(() => readEnv({ NODE_ENV: "test", API_RATE_LIMIT_REQUESTS: "0" })).toThrow(/API_RATE_LIMIT_REQUESTS/);
  });
});

describe("rate limit over HTTP", () => {
  let app: TestApp;
  let first = "";
  let second = "";
  beforeAll(async () => {
    // a window of an hour: nothing refills while the test runs, however slow the machine
    app = await startTestApp({ env: { API_RATE_LIMIT_REQUESTS: "3", API_RATE_LIMIT_WINDOW_SECONDS: "3600" } });
    const db = app.testDb.db;
    const agency = await createAgency(db);
    const admin = await actorOf(db, (await createUser(db, { role: "admin" })).id);
    const officer = await createUser(db, { agencyId: agency.id });
    first = (await issueToken(app, admin, { agencyId: agency.id, actingUserId: officer.id, scopes: ["check"] })).secret;
    second = (await issueToken(app, admin, { agencyId: agency.id, actingUserId: officer.id, scopes: ["check"] })).secret;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it("answers 429 with Retry-After and the JSON error once a token has spent its burst; other tokens go on", async () => {
    for (let i = 0; i < 3; i++) expect((await api(app, first)("GET", "/hits")).status).toBe(200);
    const refused = await api(app, first)("GET", "/hits");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(1200);
    expect(refused.body).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
    expect((await api(app, second)("GET", "/hits")).status).toBe(200);
    // the public document is not counted
    expect((await fetch(`${app.url}/api/v1/openapi.json`)).status).toBe(200);
  });
});
