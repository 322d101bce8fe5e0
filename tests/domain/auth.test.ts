import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "../../db/schema/index";
import { isCommonPassword } from "../../app/domain/auth/passwords";
import { createUser, TEST_PASSWORD } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

const lastAudit = async (t: TestServices, action: string) =>
  (await t.testDb.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];

describe("sign-in", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  const signIn = (email: string, password: string) =>
    t.services.auth.signIn({ input: { email, password }, ip: "10.0.0.1", userAgent: "vitest" });

  it("signs in with the right password, case-insensitively on the e-mail, and audits it", async () => {
    const u = await createUser(t.testDb.db, { email: "Anna.Case@example.test" });
    const r = await signIn("anna.case@EXAMPLE.test", TEST_PASSWORD);
    expect(r).toMatchObject({ ok: true, userId: u.id, needsTotp: false });
    const row = await lastAudit(t, "auth.sign_in");
    expect(row).toMatchObject({ actorId: u.id, outcome: "success", ip: "10.0.0.1" });
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    const u = await createUser(t.testDb.db);
    const unknown = await signIn("nobody@example.test", "whatever-password");
    const wrong = await signIn(u.email, "wrong-password-123");
    expect(unknown).toEqual({ ok: false });
    expect(wrong).toEqual(unknown);
    expect(await lastAudit(t, "auth.sign_in_failed")).toMatchObject({ actorId: u.id, outcome: "failure" });
  });

  it("locks after 5 consecutive failures for 10 minutes, even for the right password", async () => {
    const u = await createUser(t.testDb.db);
    for (let i = 0; i < 5; i++) expect((await signIn(u.email, `wrong-password-${i}`)).ok).toBe(false);
    const locked = await lastAudit(t, "auth.locked");
    expect(locked).toMatchObject({ targetId: u.id });
    expect((await signIn(u.email, TEST_PASSWORD)).ok).toBe(false);
    t.clock.advance(10 * 60_000 + 1000);
    expect((await signIn(u.email, TEST_PASSWORD)).ok).toBe(true);
  });

  it("refuses a disabled account with the same answer", async () => {
    const u = await createUser(t.testDb.db, { disabled: true });
    expect(await signIn(u.email, TEST_PASSWORD)).toEqual({ ok: false });
  });

  it("rejects malformed input with field errors and writes nothing", async () => {
    const before = (await t.testDb.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
    await expect(signIn("not-an-email", "")).rejects.toMatchObject({ code: "invalid", fields: { email: ["validation.email"], password: ["validation.required"] } });
    const after = (await t.testDb.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
    expect(after).toBe(before);
  });
});

describe("sessions", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  async function newSession() {
    const u = await createUser(t.testDb.db);
    const r = await t.services.auth.signIn({ input: { email: u.email, password: TEST_PASSWORD }, ip: null, userAgent: null });
    if (!r.ok) throw new Error("sign-in failed");
    const cookie = t.services.auth.sessionCookie(r.sessionId).split(";")[0]!;
    return { u, sessionId: r.sessionId, cookie };
  }

  it("sets an HttpOnly, SameSite=Lax browser-session cookie", async () => {
    const { sessionId } = await newSession();
    const header = t.services.auth.sessionCookie(sessionId);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toMatch(/Max-Age|Expires/);
  });

  it("ends after 30 minutes idle, in the database", async () => {
    const { cookie, sessionId } = await newSession();
    expect(await t.services.auth.authenticate(cookie)).not.toBeNull();
    // lucia checks expiry with the wall clock: move the stored expiry instead of the clock
    await t.testDb.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, sessionId));
    expect(await t.services.auth.authenticate(cookie)).toBeNull();
    expect(await t.testDb.db.select().from(sessions).where(eq(sessions.id, sessionId))).toHaveLength(0);
  });

  it("slides the idle expiry to 30 minutes on use, never past 12 hours from sign-in", async () => {
    const { cookie, sessionId } = await newSession();
    await t.testDb.db.update(sessions).set({ expiresAt: new Date(Date.now() + 5 * 60_000) }).where(eq(sessions.id, sessionId));
    const auth = await t.services.auth.authenticate(cookie);
    // the idle slide and the absolute limit run on the services' clock; lucia's expiry check on the wall clock
    expect(auth!.session.expiresAt.getTime()).toBeGreaterThan(t.clock.now.getTime() + 29 * 60_000);
    await t.testDb.db.update(sessions).set({ createdAt: new Date(t.clock.now.getTime() - 12 * 3_600_000 + 60_000) }).where(eq(sessions.id, sessionId));
    const capped = await t.services.auth.authenticate(cookie);
    expect(capped!.session.expiresAt.getTime()).toBeLessThanOrEqual(t.clock.now.getTime() + 60_000 + 1000);
  });

  it("ends at 12 hours however active the user is", async () => {
    const { cookie, sessionId } = await newSession();
    await t.testDb.db.update(sessions).set({ createdAt: new Date(t.clock.now.getTime() - 12 * 3_600_000 - 1000) }).where(eq(sessions.id, sessionId));
    expect(await t.services.auth.authenticate(cookie)).toBeNull();
  });

  it("sign-out deletes the session and tells the sockets", async () => {
    const { cookie, sessionId, u } = await newSession();
    const auth = await t.services.auth.authenticate(cookie);
    const { actorFor } = await import("../../app/domain/auth/current-user");
    await t.services.auth.signOut({ actor: actorFor(auth!.user, null), sessionId });
    expect(await t.services.auth.authenticate(cookie)).toBeNull();
    expect(t.events).toContainEqual({ name: "session.ended", payload: { sessionId } });
    expect(await t.testDb.db.select().from(auditLog).where(and(eq(auditLog.action, "auth.sign_out"), eq(auditLog.actorId, u.id)))).toHaveLength(1);
  });

  it("a disabled user's session stops working at once", async () => {
    const { cookie, u } = await newSession();
    await t.testDb.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.id));
    expect(await t.services.auth.authenticate(cookie)).toBeNull();
  });
});

describe("password policy", () => {
  it.each([
    ["password1234", true],
    ["PASSWORD1234", true],
    ["aaaaaaaaaaaaaaaa", true],
    ["tr1cky-Mountain-river", false],
  ])("%s common=%s", (p, common) => {
    expect(isCommonPassword(p)).toBe(common);
  });
});
