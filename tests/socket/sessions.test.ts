import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../db/schema/index";
import { actorOf, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import { closeAllSockets, connected, connectOutcome, connectSocket, disconnection, within } from "./helpers";

async function signedIn(app: TestApp) {
  const u = await createUser(app.testDb.db);
  const cookie = await signInCookie(app, u.email);
  const sessionId = app.services.auth.readSessionId(cookie);
  if (!sessionId) throw new Error("no session id in the cookie");
  return { user: u, cookie, sessionId };
}

// Ending a session ends its sockets at once when a domain event says so. The sweep
// is slowed to an hour here, so only the event can have disconnected them.
describe("ending sessions ends sockets: events", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { SESSION_SWEEP_MS: String(3_600_000) } });
  });
  afterEach(() => closeAllSockets());
  afterAll(() => app.close());

  it("sign-out over HTTP disconnects that session's sockets, and only those", async () => {
    const a = await signedIn(app);
    const otherTab = await signInCookie(app, a.user.email);
    const socket = await connected(app.url, a.cookie);
    const sameUserOtherSession = await connected(app.url, otherTab);
    const gone = disconnection(socket);

    const res = await client(app, a.cookie)("/logout", { method: "POST" });
    expect(res.status).toBe(302);
    expect(await gone).toBe("io server disconnect");
    expect(sameUserOtherSession.connected).toBe(true);
  });

  it("user.sessions_revoked (an account disabled) disconnects every socket of that user", async () => {
    const a = await signedIn(app);
    const second = await signInCookie(app, a.user.email);
    const s1 = await connected(app.url, a.cookie);
    const s2 = await connected(app.url, second);
    const bystander = await connected(app.url, (await signedIn(app)).cookie);
    const gone = Promise.all([disconnection(s1), disconnection(s2)]);

    app.services.deps.events.publish({ name: "user.sessions_revoked", payload: { userId: a.user.id } });
    expect(await gone).toEqual(["io server disconnect", "io server disconnect"]);
    expect(bystander.connected).toBe(true);
  });

  it("an administrator disabling the account (users.disable) disconnects its sockets at once", async () => {
    const admin = await createUser(app.testDb.db, { role: "admin" });
    const a = await signedIn(app);
    const socket = await connected(app.url, a.cookie);
    const gone = disconnection(socket);
    await app.services.users.disable({ actor: await actorOf(app.testDb.db, admin.id), userId: a.user.id });
    expect(await gone).toBe("io server disconnect");
  });

  it("the ended session's cookie cannot open a new socket", async () => {
    const a = await signedIn(app);
    const socket = await connected(app.url, a.cookie);
    const gone = disconnection(socket);
    await client(app, a.cookie)("/logout", { method: "POST" });
    await gone;
    expect(await connectOutcome(connectSocket(app.url, { cookie: a.cookie }))).toEqual({ connected: false, message: "unauthenticated" });
  });
});

// A session can also end behind the process's back: a row deleted, an account
// disabled or expired in the database, or in another process. The sweep
// (SESSION_SWEEP_MS, 300 ms here) finds those within seconds.
describe("ending sessions ends sockets: the sweep", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { SESSION_SWEEP_MS: "300" } });
  });
  afterEach(() => closeAllSockets());
  afterAll(() => app.close());

  it("a session row deleted in the database disconnects its socket within the sweep", async () => {
    const a = await signedIn(app);
    const socket = await connected(app.url, a.cookie);
    const gone = disconnection(socket);
    await app.testDb.db.delete(sessions).where(eq(sessions.id, a.sessionId));
    expect(await within(gone, 5_000, "the sweep")).toBe("io server disconnect");
  });

  it("users.disabled_at set in the database disconnects the user's sockets within the sweep", async () => {
    const a = await signedIn(app);
    const socket = await connected(app.url, a.cookie);
    const gone = disconnection(socket);
    await app.testDb.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, a.user.id));
    expect(await within(gone, 5_000, "the sweep")).toBe("io server disconnect");
  });

  it("an expired session is swept too", async () => {
    const a = await signedIn(app);
    const socket = await connected(app.url, a.cookie);
    const gone = disconnection(socket);
    await app.testDb.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, a.sessionId));
    expect(await within(gone, 5_000, "the sweep")).toBe("io server disconnect");
  });

  it("the sweep does not extend the sessions it checks: an open tab does not keep a session alive", async () => {
    const watched = await signedIn(app);
    // 20 minutes left: validating it (as a page load would) would slide it back to 30
    const expiresAt = new Date(Date.now() + 20 * 60_000);
    expiresAt.setMilliseconds(0);
    await connected(app.url, watched.cookie);
    await app.testDb.db.update(sessions).set({ expiresAt }).where(eq(sessions.id, watched.sessionId));

    // a second socket whose session is deleted: once it is gone, sweeps have run over both
    for (let round = 0; round < 2; round++) {
      const probe = await signedIn(app);
      const probeSocket = await connected(app.url, probe.cookie);
      const gone = disconnection(probeSocket);
      await app.testDb.db.delete(sessions).where(eq(sessions.id, probe.sessionId));
      await within(gone, 5_000, "the sweep");
    }
    const [row] = await app.testDb.db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, watched.sessionId));
    expect(row?.expiresAt.getTime()).toBe(expiresAt.getTime());
  });
});
