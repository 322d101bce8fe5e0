import { decodeBase32 } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, recoveryCodes, sessions, users } from "../../db/schema/index";
import { MIN_PASSWORD_LENGTH, verifyPassword } from "../../app/domain/auth/passwords";
import { changePasswordFormSchema, NEW_PASSWORD_MIN, preferencesFormSchema } from "../../app/domain/account/schemas";
import { actorOf, createUser, TEST_PASSWORD } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";

const NEW_PASSWORD = "a much longer passphrase 2026";

const auditRows = (t: TestServices, action: string, userId: string) =>
  t.testDb.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorId, userId)))
    .orderBy(desc(auditLog.id));

describe("account form schemas", () => {
  it("keeps the browser's length rule equal to the server's", () => {
    expect(NEW_PASSWORD_MIN).toBe(MIN_PASSWORD_LENGTH);
  });

  it("reads spoken languages as comma- or space-separated ISO 639-1 codes", () => {
    const ok = preferencesFormSchema.safeParse({ intent: "preferences", locale: "de", timeZone: "Europe/Vienna", languages: "DE, en sq,,en" });
    expect(ok.success && ok.data.languages).toEqual(["de", "en", "sq"]);
    const bad = preferencesFormSchema.safeParse({ intent: "preferences", locale: "de", timeZone: "Mars/Olympus", languages: "german" });
    expect(bad.success).toBe(false);
    expect(bad.error?.flatten().fieldErrors).toEqual({ timeZone: ["validation.time_zone"], languages: ["account:errors.language_codes"] });
  });

  it("asks for the new password twice", () => {
    const r = changePasswordFormSchema.safeParse({ intent: "password", currentPassword: "x", newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` });
    expect(r.error?.flatten().fieldErrors).toEqual({ confirmPassword: ["validation.password_mismatch"] });
  });
});

describe("changePassword", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  async function userWithSessions(n: number) {
    const u = await createUser(t.testDb.db);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await t.services.auth.signIn({ input: { email: u.email, password: TEST_PASSWORD }, ip: null, userAgent: null });
      if (!r.ok) throw new Error("sign-in failed");
      ids.push(r.sessionId);
    }
    return { u, actor: await actorOf(t.testDb.db, u.id), sessionIds: ids };
  }
  const sessionsOf = async (userId: string) =>
    (await t.testDb.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))).map((s) => s.id).sort();
  const hashOf = async (userId: string) => (await t.testDb.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)))[0]!.h!;

  it("refuses a wrong current password as a field error and changes nothing", async () => {
    const { u, actor, sessionIds } = await userWithSessions(2);
    const hashBefore = await hashOf(u.id);
    await expect(
      t.services.account.changePassword({
        actor,
        sessionId: sessionIds[0]!,
        input: { currentPassword: "not my password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      })
    ).rejects.toMatchObject({ code: "invalid", fields: { currentPassword: ["account:errors.current_password_wrong"] } });
    expect(await hashOf(u.id)).toBe(hashBefore);
    expect(await sessionsOf(u.id)).toEqual([...sessionIds].sort());
    const [row] = await auditRows(t, "auth.password_changed", u.id);
    expect(row).toMatchObject({ outcome: "failure", targetId: u.id, details: { reason: "wrong_current_password" } });
  });

  it("counts wrong current passwords towards the lockout: at the threshold the account locks and every session ends", async () => {
    const { u, actor, sessionIds } = await userWithSessions(2);
    const wrong = (input: Record<string, string>, via: "password" | "second_factor") =>
      via === "password"
        ? t.services.account.changePassword({ actor, sessionId: sessionIds[0]!, input })
        : t.services.account.disableSecondFactor({ actor, input });
    const attempt = { currentPassword: "a guess", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    // the threshold is 5: four wrong answers on either form are counted, sessions stay
    for (let i = 0; i < 2; i++) await expect(wrong(attempt, "password")).rejects.toMatchObject({ fields: { currentPassword: ["account:errors.current_password_wrong"] } });
    for (let i = 0; i < 2; i++) await expect(wrong({ password: "a guess" }, "second_factor")).rejects.toMatchObject({ fields: { password: ["account:errors.current_password_wrong"] } });
    expect((await t.testDb.db.select({ n: users.failedLogins }).from(users).where(eq(users.id, u.id)))[0]!.n).toBe(4);
    expect(await sessionsOf(u.id)).toEqual([...sessionIds].sort());

    await expect(wrong(attempt, "password")).rejects.toMatchObject({ fields: { currentPassword: ["account:errors.locked_signed_out"] } });
    expect(await sessionsOf(u.id)).toEqual([]);
    const [locked] = await auditRows(t, "auth.locked", u.id);
    expect(locked).toMatchObject({ outcome: "success", targetId: u.id, details: { sessionsEnded: 2 } });
    const [lastFailure] = await auditRows(t, "auth.password_changed", u.id);
    expect(lastFailure).toMatchObject({ outcome: "failure", details: { reason: "wrong_current_password", failedLogins: 5 } });
    // locked: even the right password does not sign in now
    expect((await t.services.auth.signIn({ input: { email: u.email, password: TEST_PASSWORD }, ip: null, userAgent: null })).ok).toBe(false);
  });

  it("returns the common-password rule and the length rule as field errors", async () => {
    const { actor, sessionIds } = await userWithSessions(1);
    const attempt = (newPassword: string) =>
      t.services.account.changePassword({
        actor,
        sessionId: sessionIds[0]!,
        input: { currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword },
      });
    await expect(attempt("aaaaaaaaaaaaaaaa")).rejects.toMatchObject({ fields: { newPassword: ["validation.password_common"] } });
    await expect(attempt("short")).rejects.toMatchObject({ fields: { newPassword: ["validation.password_too_short"] } });
    await expect(attempt(TEST_PASSWORD)).rejects.toMatchObject({ fields: { newPassword: ["account:errors.password_unchanged"] } });
  });

  it("changes the password, ends every other session, keeps this one, and audits it", async () => {
    const { u, actor, sessionIds } = await userWithSessions(3);
    const other = await userWithSessions(1);
    const [current] = sessionIds as [string];
    const r = await t.services.account.changePassword({
      actor,
      sessionId: current,
      input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(r).toEqual({ otherSessionsEnded: 2 });
    expect(await sessionsOf(u.id)).toEqual([current]);
    expect(await sessionsOf(other.u.id)).toEqual(other.sessionIds);
    expect(await verifyPassword(await hashOf(u.id), NEW_PASSWORD)).toBe(true);
    const [row] = await auditRows(t, "auth.password_changed", u.id);
    expect(row).toMatchObject({ outcome: "success", targetType: "user", targetId: u.id, details: { otherSessionsEnded: 2 } });
    // no socket-wide revocation: that would also disconnect the current session
    expect(t.events.filter((e) => e.name === "user.sessions_revoked")).toEqual([]);
    const signIn = await t.services.auth.signIn({ input: { email: u.email, password: NEW_PASSWORD }, ip: null, userAgent: null });
    expect(signIn.ok).toBe(true);
  });
});

describe("second factor", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  it("shows a pending enrolment from the stored key, then the enabled state", async () => {
    const u = await createUser(t.testDb.db);
    const actor = await actorOf(t.testDb.db, u.id);
    expect(await t.services.account.getSecondFactor({ actor })).toMatchObject({ enabled: false, pending: null });

    const started = await t.services.auth.startTotpEnrolment({ actor });
    const pending = await t.services.account.getSecondFactor({ actor });
    expect(pending.pending).toEqual({ uri: started.uri, qrSvg: expect.stringContaining("<svg"), secret: started.secret });

    const code = generateTOTP(decodeBase32(started.secret), 30, 6);
    const { recoveryCodes } = await t.services.auth.confirmTotpEnrolment({ actor, input: { code } });
    expect(recoveryCodes).toHaveLength(10);
    expect(await t.services.account.getSecondFactor({ actor })).toMatchObject({ enabled: true, recoveryCodesLeft: 10, pending: null });
  });

  it("disables only with the current password, and audits both", async () => {
    const u = await createUser(t.testDb.db);
    const actor = await actorOf(t.testDb.db, u.id);
    const { secret } = await t.services.auth.startTotpEnrolment({ actor });
    await t.services.auth.confirmTotpEnrolment({ actor, input: { code: generateTOTP(decodeBase32(secret), 30, 6) } });

    await expect(t.services.account.disableSecondFactor({ actor, input: { password: "wrong password!" } })).rejects.toMatchObject({
      fields: { password: ["account:errors.current_password_wrong"] },
    });
    expect((await t.services.account.getSecondFactor({ actor })).enabled).toBe(true);
    expect((await auditRows(t, "auth.totp_disabled", u.id))[0]).toMatchObject({ outcome: "failure" });

    await t.services.account.disableSecondFactor({ actor, input: { password: TEST_PASSWORD } });
    expect((await t.services.account.getSecondFactor({ actor })).enabled).toBe(false);
    expect((await auditRows(t, "auth.totp_disabled", u.id))[0]).toMatchObject({ outcome: "success", targetId: u.id });
    expect(await t.testDb.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, u.id))).toEqual([]);
  });
});
