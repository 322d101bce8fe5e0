import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, sessions, users } from "../../db/schema/index";
import { systemActor, type Actor } from "../../app/domain/context";
import { actorOf, createAgency, createUser, TEST_PASSWORD } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, lastAudit } from "./helpers";

const profile = (u: typeof users.$inferSelect, over: Record<string, unknown> = {}) => ({
  name: u.name,
  email: u.email,
  agencyId: u.agencyId,
  officeRole: u.officeRole,
  phone: u.phone ?? "",
  languages: u.languages.join(", "),
  timeZone: u.timeZone,
  locale: u.locale,
  ...over,
});

describe("users administration", () => {
  let t: TestServices;
  let adminRow: typeof users.$inferSelect;
  let admin: Actor;
  beforeAll(async () => {
    t = await createTestServices();
    adminRow = await createUser(t.testDb.db, { role: "admin" });
    admin = await actorOf(t.testDb.db, adminRow.id);
  });
  afterAll(() => t.testDb.destroy());

  const signIn = (email: string, password = TEST_PASSWORD) => t.services.auth.signIn({ input: { email, password }, ip: null, userAgent: null });

  it("edits the profile and audits the changed fields with before and after", async () => {
    const u = await createUser(t.testDb.db, { role: "officer" });
    const other = await createAgency(t.testDb.db, { country: "RS" });
    await t.services.users.update({
      actor: admin,
      userId: u.id,
      input: profile(u, { name: "Milica Jovanović", agencyId: other.id, phone: "+381 64 555 1234", languages: "SR, en", timeZone: "europe/belgrade", locale: "sr", version: u.updatedAt.toISOString() }),
    });
    const [row] = await t.testDb.db.select().from(users).where(eq(users.id, u.id));
    expect(row).toMatchObject({ name: "Milica Jovanović", agencyId: other.id, phone: "+381 64 555 1234", languages: ["sr", "en"], timeZone: "Europe/Belgrade", locale: "sr" });
    const audit = await lastAudit(t.testDb.db, "user.updated", u.id);
    expect(audit?.actorId).toBe(admin.id);
    expect(audit?.details).toEqual({
      changes: {
        name: { from: u.name, to: "Milica Jovanović" },
        agencyId: { from: u.agencyId, to: other.id },
        phone: { from: null, to: "+381 64 555 1234" },
        languages: { from: [], to: ["sr", "en"] },
        timeZone: { from: "UTC", to: "Europe/Belgrade" },
        locale: { from: "en", to: "sr" },
      },
    });
    expect(await lastAudit(t.testDb.db, "user.role_changed", u.id)).toBeUndefined();
  });

  it("audits a role change on its own with from and to", async () => {
    const u = await createUser(t.testDb.db, { role: "officer" });
    await t.services.users.update({ actor: admin, userId: u.id, input: profile(u, { officeRole: "analyst" }) });
    expect(await lastAudit(t.testDb.db, "user.role_changed", u.id)).toMatchObject({ actorId: admin.id, details: { from: "officer", to: "analyst" } });
    expect(await lastAudit(t.testDb.db, "user.updated", u.id)).toBeUndefined();
  });

  it("refuses an e-mail another user has, whatever the case, and writes nothing", async () => {
    const a = await createUser(t.testDb.db, { email: "taken.address@example.test" });
    const b = await createUser(t.testDb.db);
    const before = await auditCount(t.testDb.db);
    await expect(t.services.users.update({ actor: admin, userId: b.id, input: profile(b, { email: "Taken.Address@EXAMPLE.test", name: "Changed too" }) })).rejects.toMatchObject({
      code: "invalid",
      fields: { email: ["validation.email_taken"] },
    });
    expect(await auditCount(t.testDb.db)).toBe(before);
    const [row] = await t.testDb.db.select().from(users).where(eq(users.id, b.id));
    expect(row!.name).toBe(b.name);
    expect(a.id).not.toBe(b.id);
  });

  it("validates every field", async () => {
    const u = await createUser(t.testDb.db);
    await expect(
      t.services.users.update({
        actor: admin,
        userId: u.id,
        input: { name: "", email: "nope", agencyId: "x", officeRole: "boss", phone: "call me", languages: "english", timeZone: "Mars/Olympus", locale: "xx" },
      }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: {
        name: [expect.stringMatching(/^validation\./)],
        email: ["validation.email"],
        agencyId: ["validation.invalid"],
        officeRole: ["validation.choose_valid"],
        phone: ["admin:errors.phone"],
        languages: ["validation.language_code"],
        timeZone: ["validation.time_zone"],
        locale: ["validation.choose_valid"],
      },
    });
    // an offset is not an IANA zone
    await expect(t.services.users.update({ actor: admin, userId: u.id, input: profile(u, { timeZone: "+01:00" }) })).rejects.toMatchObject({
      fields: { timeZone: ["validation.time_zone"] },
    });
    await expect(
      t.services.users.update({ actor: admin, userId: u.id, input: profile(u, { agencyId: "00000000-0000-4000-8000-000000000000" }) }),
    ).rejects.toMatchObject({ fields: { agencyId: ["admin:errors.unknown_agency"] } });
  });

  it("disables: ends every session in the same transaction, audits, and tells the socket server", async () => {
    const u = await createUser(t.testDb.db);
    expect((await signIn(u.email)).ok).toBe(true);
    expect((await signIn(u.email)).ok).toBe(true);
    expect(await t.testDb.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(2);
    t.events.length = 0;
    expect(await t.services.users.disable({ actor: admin, userId: u.id })).toEqual({ changed: true });
    expect(await t.testDb.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
    expect(await lastAudit(t.testDb.db, "user.disabled", u.id)).toMatchObject({ actorId: admin.id });
    expect(t.events).toContainEqual({ name: "user.sessions_revoked", payload: { userId: u.id } });
    expect((await signIn(u.email)).ok).toBe(false);
    expect((await t.services.users.get({ actor: admin, userId: u.id })).status).toBe("disabled");

    await t.services.users.enable({ actor: admin, userId: u.id });
    expect(await lastAudit(t.testDb.db, "user.enabled", u.id)).toMatchObject({ actorId: admin.id });
    expect((await signIn(u.email)).ok).toBe(true);
  });

  it("an administrator cannot disable themself", async () => {
    const before = await auditCount(t.testDb.db);
    await expect(t.services.users.disable({ actor: admin, userId: admin.id! })).rejects.toMatchObject({ code: "conflict", message: "admin:errors.cannot_disable_self" });
    expect(await auditCount(t.testDb.db)).toBe(before);
  });

  it("the last active administrator can neither be disabled nor lose the role", async () => {
    const t2 = await createTestServices();
    try {
      const db = t2.testDb.db;
      const only = await createUser(db, { role: "admin" });
      // an administrator who never set a password does not count
      await createUser(db, { role: "admin", password: null });
      const cli = systemActor("cli");
      await expect(t2.services.users.disable({ actor: cli, userId: only.id })).rejects.toMatchObject({ code: "conflict", message: "admin:errors.last_admin" });
      await expect(t2.services.users.update({ actor: cli, userId: only.id, input: profile(only, { officeRole: "officer" }) })).rejects.toMatchObject({
        code: "conflict",
        message: "admin:errors.last_admin",
      });
      expect((await t2.services.users.get({ actor: cli, userId: only.id })).isLastActiveAdmin).toBe(true);
      // with a second administrator, the first may step down
      const second = await createUser(db, { role: "admin" });
      await t2.services.users.update({ actor: await actorOf(db, second.id), userId: only.id, input: profile(only, { officeRole: "office_lead" }) });
      expect(await lastAudit(db, "user.role_changed", only.id)).toMatchObject({ details: { from: "admin", to: "office_lead" } });
      await expect(t2.services.users.disable({ actor: cli, userId: second.id })).rejects.toMatchObject({ message: "admin:errors.last_admin" });
    } finally {
      await t2.testDb.destroy();
    }
  });

  it("unlocks a locked account and audits it", async () => {
    const u = await createUser(t.testDb.db);
    for (let i = 0; i < 5; i++) await signIn(u.email, `wrong-password-${i}`);
    expect((await t.services.users.get({ actor: admin, userId: u.id })).status).toBe("locked");
    expect((await signIn(u.email)).ok).toBe(false);
    await t.services.users.unlock({ actor: admin, userId: u.id });
    expect(await lastAudit(t.testDb.db, "auth.unlocked", u.id)).toMatchObject({ actorId: admin.id });
    const [row] = await t.testDb.db.select().from(users).where(eq(users.id, u.id));
    expect(row).toMatchObject({ lockedUntil: null, failedLogins: 0 });
    expect((await signIn(u.email)).ok).toBe(true);
  });

  it("issues a password-reset link: old password and sessions end, the link sets a new one", async () => {
    const u = await createUser(t.testDb.db);
    expect((await signIn(u.email)).ok).toBe(true);
    t.events.length = 0;
    const reset = await t.services.users.issuePasswordReset({ actor: admin, userId: u.id });
    expect(reset.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await lastAudit(t.testDb.db, "auth.password_reset", u.id)).toMatchObject({ actorId: admin.id, details: { method: "link", invitationId: reset.invitationId } });
    expect(await t.testDb.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
    expect(t.events).toContainEqual({ name: "user.sessions_revoked", payload: { userId: u.id } });
    expect((await signIn(u.email)).ok).toBe(false);
    await t.services.invitations.accept({ token: reset.token, input: { password: "a brand new passphrase", confirm: "a brand new passphrase" }, ip: null });
    expect((await signIn(u.email, "a brand new passphrase")).ok).toBe(true);
    await expect(t.services.users.issuePasswordReset({ actor: admin, userId: admin.id! })).rejects.toMatchObject({ message: "admin:errors.cannot_reset_self" });
  });

  it("the command line sets a password directly, ending sessions and pending links", async () => {
    const u = await createUser(t.testDb.db);
    const reset = await t.services.users.issuePasswordReset({ actor: admin, userId: u.id });
    await expect(t.services.users.setPassword({ actor: systemActor("cli"), userId: u.id, input: { password: "short" } })).rejects.toMatchObject({
      fields: { password: ["validation.password_too_short"] },
    });
    await t.services.users.setPassword({ actor: systemActor("cli"), userId: u.id, input: { password: "operator chosen passphrase" } });
    expect(await lastAudit(t.testDb.db, "auth.password_reset", u.id)).toMatchObject({ actorLabel: "cli", details: { method: "set_directly" } });
    expect(await t.services.invitations.lookup({ token: reset.token })).toBeNull();
    const [inv] = await t.testDb.db.select().from(invitations).where(eq(invitations.id, reset.invitationId));
    expect(inv!.revokedAt).not.toBeNull();
    expect((await signIn(u.email, "operator chosen passphrase")).ok).toBe(true);
  });

  it("creates a user with a password (command line) and audits it", async () => {
    const agency = await createAgency(t.testDb.db);
    const r = await t.services.users.create({
      actor: systemActor("cli"),
      input: { name: "First Admin", email: "First.Admin@Example.test", agencyId: agency.id, officeRole: "admin", timeZone: "Europe/Vienna", locale: "de", password: "first admin passphrase" },
    });
    expect(await lastAudit(t.testDb.db, "user.created", r.userId)).toMatchObject({ actorLabel: "cli", details: { email: "first.admin@example.test", role: "admin", method: "password" } });
    expect((await signIn("first.admin@example.test", "first admin passphrase")).ok).toBe(true);
    await expect(
      t.services.users.create({
        actor: systemActor("cli"),
        input: { name: "Dup", email: "FIRST.admin@example.test", agencyId: agency.id, officeRole: "officer", timeZone: "UTC", locale: "en", password: "another good passphrase" },
      }),
    ).rejects.toMatchObject({ code: "invalid", fields: { email: ["validation.email_taken"] } });
    await expect(
      t.services.users.create({
        actor: systemActor("cli"),
        input: { name: "Weak", email: "weak@example.test", agencyId: agency.id, officeRole: "officer", timeZone: "UTC", locale: "en", password: "aaaaaaaaaaaaaaaa" },
      }),
    ).rejects.toMatchObject({ code: "invalid", fields: { password: ["validation.password_common"] } });
  });

  it("lists with filters on agency, role, status and text, with the last sign-in", async () => {
    const agency = await createAgency(t.testDb.db, { name: "Filter Agency", country: "HU" });
    const active = await createUser(t.testDb.db, { agencyId: agency.id, role: "analyst", name: "Zsófia Kovács" });
    const invited = await createUser(t.testDb.db, { agencyId: agency.id, role: "analyst", password: null, name: "Zoltán Nagy" });
    const disabled = await createUser(t.testDb.db, { agencyId: agency.id, role: "officer", disabled: true, name: "Zita Tóth" });
    await signIn(active.email);
    const all = await t.services.users.list({ actor: admin, input: { agency: agency.id } });
    expect(all.items.map((u) => [u.name, u.status])).toEqual([
      ["Zita Tóth", "disabled"],
      ["Zoltán Nagy", "invited"],
      ["Zsófia Kovács", "active"],
    ]);
    expect(all.items.find((u) => u.id === active.id)).toMatchObject({ agencyCountry: "HU", lastSignInAt: expect.any(String) });
    expect(all.items.find((u) => u.id === invited.id)?.lastSignInAt).toBeNull();
    expect((await t.services.users.list({ actor: admin, input: { agency: agency.id, role: "analyst" } })).total).toBe(2);
    expect((await t.services.users.list({ actor: admin, input: { agency: agency.id, status: "disabled" } })).items.map((u) => u.id)).toEqual([disabled.id]);
    expect((await t.services.users.list({ actor: admin, input: { q: "zoltán" } })).items.map((u) => u.id)).toEqual([invited.id]);
    expect((await t.services.users.list({ actor: admin, input: { q: invited.email.toUpperCase() } })).items.map((u) => u.id)).toEqual([invited.id]);
  });

  it("refuses every verb to a non-administrator", async () => {
    const officer = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "officer" })).id);
    const victim = await createUser(t.testDb.db);
    await expect(t.services.users.list({ actor: officer, input: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.users.get({ actor: officer, userId: victim.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.users.update({ actor: officer, userId: victim.id, input: profile(victim) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.users.disable({ actor: officer, userId: victim.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.users.enable({ actor: officer, userId: victim.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.users.unlock({ actor: officer, userId: victim.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.users.issuePasswordReset({ actor: officer, userId: victim.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
