import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema/index";
import { createUser } from "../factories/index";
import { signInCookie, startTestApp, type TestApp } from "../setup/app";
import { closeAllSockets, connectOutcome, connectSocket } from "./helpers";

describe("socket handshake", () => {
  let app: TestApp;
  let cookie: string;
  beforeAll(async () => {
    app = await startTestApp();
    const u = await createUser(app.testDb.db);
    cookie = await signInCookie(app, u.email);
  });
  afterEach(() => closeAllSockets());
  afterAll(() => app.close());

  it("connects with a signed-in session's cookie from our own Origin", async () => {
    expect(await connectOutcome(connectSocket(app.url, { cookie }))).toEqual({ connected: true });
  });

  it("refuses a handshake without a cookie as unauthenticated", async () => {
    expect(await connectOutcome(connectSocket(app.url, { cookie: null }))).toEqual({ connected: false, message: "unauthenticated" });
  });

  it("refuses a cookie that names no session", async () => {
    const forged = `${cookie.split("=")[0]}=${"x".repeat(40)}`;
    expect(await connectOutcome(connectSocket(app.url, { cookie: forged }))).toEqual({ connected: false, message: "unauthenticated" });
  });

  it("refuses a valid cookie sent from another site's page (foreign Origin) or with no Origin", async () => {
    const foreign = await connectOutcome(connectSocket(app.url, { cookie, origin: "https://evil.example" }));
    expect(foreign.connected).toBe(false);
    // refused before authentication: the server never looked at the cookie
    expect(foreign).not.toMatchObject({ message: "unauthenticated" });
    const sameHostOtherPort = await connectOutcome(connectSocket(app.url, { cookie, origin: app.url.replace(/:\d+$/, ":1") }));
    expect(sameHostOtherPort.connected).toBe(false);
    const none = await connectOutcome(connectSocket(app.url, { cookie, origin: null }));
    expect(none.connected).toBe(false);
  });

  it("refuses a half-signed-in session whose second factor is pending", async () => {
    const u = await createUser(app.testDb.db);
    await app.testDb.db
      .update(users)
      .set({ totpKey: Buffer.alloc(20, 7).toString("base64"), totpEnabledAt: new Date() })
      .where(eq(users.id, u.id));
    const pending = await signInCookie(app, u.email);
    expect(await connectOutcome(connectSocket(app.url, { cookie: pending }))).toEqual({ connected: false, message: "unauthenticated" });
  });

  it("refuses the session of an account disabled since it signed in", async () => {
    const u = await createUser(app.testDb.db);
    const c = await signInCookie(app, u.email);
    await app.testDb.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.id));
    expect(await connectOutcome(connectSocket(app.url, { cookie: c }))).toEqual({ connected: false, message: "unauthenticated" });
  });
});
