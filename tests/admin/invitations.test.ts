import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, users } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import { actorOf, createAgency, createUser } from "../factories/index";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, lastAudit } from "./helpers";

describe("invitations", () => {
  let t: TestServices;
  let admin: Actor;
  let agencyId: string;
  let seq = 0;
  beforeAll(async () => {
    t = await createTestServices();
    admin = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "admin" })).id);
    agencyId = (await createAgency(t.testDb.db, { country: "AL", kind: "ngo_partner" })).id;
  });
  afterAll(() => t.testDb.destroy());

  const invite = (over: Record<string, unknown> = {}) =>
    t.services.invitations.invite({
      actor: admin,
      input: { name: "Drita Berisha", email: `drita.${++seq}@example.test`, agencyId, officeRole: "ngo_partner", languages: "sq, en", timeZone: "Europe/Tirane", locale: "sq", ...over },
    });
  const signIn = (email: string, password: string) => t.services.auth.signIn({ input: { email, password }, ip: null, userAgent: null });
  const password = "a long enough passphrase";

  it("creates the user without a password and stores only the token's SHA-256", async () => {
    const r = await invite();
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(r.token, "base64url")).toHaveLength(32);
    const [u] = await t.testDb.db.select().from(users).where(eq(users.id, r.userId));
    expect(u).toMatchObject({ passwordHash: null, officeRole: "ngo_partner", languages: ["sq", "en"], timeZone: "Europe/Tirane" });
    const [inv] = await t.testDb.db.select().from(invitations).where(eq(invitations.id, r.invitationId));
    expect(inv!.tokenHash).toBe(createHash("sha256").update(r.token).digest("hex"));
    expect(inv!.tokenHash).not.toContain(r.token);
    expect(inv!.expiresAt.getTime() - t.clock.now.getTime()).toBe(72 * 3_600_000);
    expect(await lastAudit(t.testDb.db, "user.created", r.userId)).toMatchObject({ actorId: admin.id, details: { method: "invitation" } });
    expect(await lastAudit(t.testDb.db, "user.invited", r.userId)).toMatchObject({ actorId: admin.id, details: { invitationId: r.invitationId } });
    expect((await t.services.users.get({ actor: admin, userId: r.userId })).status).toBe("invited");
  });

  it("refuses a taken e-mail and bad fields without writing anything", async () => {
    const existing = await createUser(t.testDb.db);
    const before = await auditCount(t.testDb.db);
    await expect(invite({ email: existing.email.toUpperCase() })).rejects.toMatchObject({ code: "invalid", fields: { email: ["validation.email_taken"] } });
    await expect(invite({ officeRole: "emperor", timeZone: "Nowhere/Land" })).rejects.toMatchObject({
      fields: { officeRole: ["validation.choose_valid"], timeZone: ["validation.time_zone"] },
    });
    expect(await auditCount(t.testDb.db)).toBe(before);
  });

  it("the link works once: shows name and e-mail, sets the password, then is not valid", async () => {
    const r = await invite({ name: "Besa Krasniqi" });
    expect(await t.services.invitations.lookup({ token: r.token })).toMatchObject({ name: "Besa Krasniqi", email: `drita.${seq}@example.test` });
    await t.services.invitations.accept({ token: r.token, input: { password, confirm: password }, ip: "10.1.1.1" });
    expect(await lastAudit(t.testDb.db, "user.invitation_accepted", r.userId)).toMatchObject({ actorId: r.userId, ip: "10.1.1.1", details: { invitationId: r.invitationId } });
    expect((await signIn(`drita.${seq}@example.test`, password)).ok).toBe(true);
    expect(await t.services.invitations.lookup({ token: r.token })).toBeNull();
    await expect(t.services.invitations.accept({ token: r.token, input: { password: "yet another passphrase", confirm: "yet another passphrase" }, ip: null })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("checks the password: length, match, and the common-password rule the browser cannot", async () => {
    const r = await invite();
    await expect(t.services.invitations.accept({ token: r.token, input: { password: "short", confirm: "short" }, ip: null })).rejects.toMatchObject({
      fields: { password: ["validation.password_too_short"] },
    });
    await expect(t.services.invitations.accept({ token: r.token, input: { password, confirm: `${password}!` }, ip: null })).rejects.toMatchObject({
      fields: { confirm: ["validation.password_mismatch"] },
    });
    await expect(t.services.invitations.accept({ token: r.token, input: { password: "zzzzzzzzzzzzzz", confirm: "zzzzzzzzzzzzzz" }, ip: null })).rejects.toMatchObject({
      fields: { password: ["validation.password_common"] },
    });
    // still usable after the refusals
    expect(await t.services.invitations.lookup({ token: r.token })).not.toBeNull();
  });

  it("expires after the configured hours, and unknown tokens look the same", async () => {
    const r = await invite();
    t.clock.advance(72 * 3_600_000 + 1);
    expect(await t.services.invitations.lookup({ token: r.token })).toBeNull();
    await expect(t.services.invitations.accept({ token: r.token, input: { password, confirm: password }, ip: null })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.services.invitations.lookup({ token: "A".repeat(43) })).toBeNull();
    expect(await t.services.invitations.lookup({ token: "../../etc/passwd" })).toBeNull();
    const listed = await t.services.invitations.list({ actor: admin, input: { status: "expired" } });
    expect(listed.items.map((i) => i.id)).toContain(r.invitationId);
  });

  it("revokes a pending link and audits it", async () => {
    const r = await invite();
    await t.services.invitations.revoke({ actor: admin, invitationId: r.invitationId });
    expect(await lastAudit(t.testDb.db, "invitation.revoked", r.userId)).toMatchObject({ actorId: admin.id, details: { invitationId: r.invitationId } });
    expect(await t.services.invitations.lookup({ token: r.token })).toBeNull();
    await expect(t.services.invitations.revoke({ actor: admin, invitationId: r.invitationId })).rejects.toMatchObject({
      code: "conflict",
      message: "admin:errors.invitation_not_pending",
    });
    const listed = await t.services.invitations.list({ actor: admin, input: { status: "revoked" } });
    expect(listed.items.find((i) => i.id === r.invitationId)).toMatchObject({ status: "revoked", canRevoke: false, canReissue: true });
  });

  it("re-issues: a new token works, the old one no longer does", async () => {
    const r = await invite();
    const again = await t.services.invitations.reissue({ actor: admin, invitationId: r.invitationId });
    expect(again.token).not.toBe(r.token);
    expect(await t.services.invitations.lookup({ token: r.token })).toBeNull();
    expect(await t.services.invitations.lookup({ token: again.token })).not.toBeNull();
    expect(await lastAudit(t.testDb.db, "invitation.reissued", r.userId)).toMatchObject({
      actorId: admin.id,
      details: { previousInvitationId: r.invitationId, invitationId: again.invitationId, revoked: [r.invitationId] },
    });
    const [old] = await t.testDb.db.select().from(invitations).where(eq(invitations.id, r.invitationId));
    expect(old!.revokedAt).not.toBeNull();
    await t.services.invitations.accept({ token: again.token, input: { password, confirm: password }, ip: null });
    await expect(t.services.invitations.reissue({ actor: admin, invitationId: again.invitationId })).rejects.toMatchObject({
      code: "conflict",
      message: "admin:errors.invitation_already_accepted",
    });
  });

  it("a disabled user's link stops working", async () => {
    const r = await invite();
    await t.services.users.disable({ actor: admin, userId: r.userId });
    expect(await t.services.invitations.lookup({ token: r.token })).toBeNull();
    await expect(t.services.invitations.reissue({ actor: admin, invitationId: r.invitationId })).rejects.toMatchObject({ message: "admin:errors.user_disabled" });
  });

  it("is for administrators only", async () => {
    const officer = await actorOf(t.testDb.db, (await createUser(t.testDb.db, { role: "officer" })).id);
    const r = await invite();
    await expect(t.services.invitations.invite({ actor: officer, input: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.invitations.list({ actor: officer, input: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.invitations.revoke({ actor: officer, invitationId: r.invitationId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.invitations.reissue({ actor: officer, invitationId: r.invitationId })).rejects.toMatchObject({ code: "forbidden" });
  });
});
