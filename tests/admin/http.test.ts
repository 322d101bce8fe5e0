import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, invitations, users } from "../../db/schema/index";
import { createAgency, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";

describe("administration over HTTP", () => {
  let app: TestApp;
  let adminCookie: string;
  let officerCookie: string;
  let agencyId: string;
  let victimId: string;
  let adminId: string;
  const db = () => app.testDb.db;

  beforeAll(async () => {
    app = await startTestApp();
    const agency = await createAgency(db(), { name: "Landespolizeidirektion Wien", country: "AT" });
    agencyId = agency.id;
    const admin = await createUser(db(), { role: "admin", agencyId, email: "admin.http@example.test", name: "Ada Admin" });
    adminId = admin.id;
    await createUser(db(), { role: "officer", agencyId, email: "officer.http@example.test" });
    victimId = (await createUser(db(), { role: "analyst", agencyId, email: "victim.http@example.test" })).id;
    adminCookie = await signInCookie(app, "admin.http@example.test");
    officerCookie = await signInCookie(app, "officer.http@example.test");
  });
  afterAll(() => app?.close());

  const pages = () => [
    "/admin",
    "/admin/users",
    `/admin/users/${victimId}`,
    "/admin/agencies",
    "/admin/agencies/new",
    `/admin/agencies/${agencyId}`,
    "/admin/invitations",
    "/admin/invitations/new",
    "/admin/policies",
  ];

  it("shows every administration page to an administrator", async () => {
    const get = client(app, adminCookie);
    for (const p of pages()) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
    }
    const home = await (await get("/admin")).text();
    for (const href of ["/admin/users", "/admin/agencies", "/admin/invitations", "/admin/policies", "/admin/operations"]) expect(home).toContain(`href="${href}"`);
    const list = await (await get(`/admin/users?agency=${agencyId}&status=active`)).text();
    expect(list).toContain("victim.http@example.test");
    expect(await (await get("/admin/agencies?country=AT")).text()).toContain("Landespolizeidirektion Wien");
  });

  it("answers 403 to a non-administrator on every page and every action, and changes nothing", async () => {
    const asOfficer = client(app, officerCookie);
    for (const p of pages()) expect((await asOfficer(p)).status, p).toBe(403);
    const posts: [string, Record<string, string>][] = [
      ["/admin/agencies/new", { name: "Rogue Agency", country: "AT", kind: "police" }],
      [`/admin/agencies/${agencyId}`, { name: "Renamed", country: "AT", kind: "police" }],
      [`/admin/users/${victimId}`, { intent: "disable" }],
      [`/admin/users/${victimId}`, { intent: "reset_password" }],
      ["/admin/invitations/new", { name: "Rogue User", email: "rogue@example.test", agencyId, officeRole: "admin", timeZone: "UTC", locale: "en" }],
      ["/admin/invitations", { intent: "revoke", invitationId: "00000000-0000-4000-8000-000000000000" }],
      ["/admin/policies", { requireTotp: "officer" }],
    ];
    for (const [p, form] of posts) expect((await asOfficer(p, { method: "POST", form })).status, p).toBe(403);
    const [victim] = await db().select().from(users).where(eq(users.id, victimId));
    expect(victim!.disabledAt).toBeNull();
    expect(victim!.passwordHash).not.toBeNull();
    expect(await db().select().from(agencies).where(eq(agencies.name, "Rogue Agency"))).toHaveLength(0);
    expect(await db().select().from(users).where(eq(users.email, "rogue@example.test"))).toHaveLength(0);
  });

  it("sends an anonymous visitor to sign in", async () => {
    const res = await client(app, null)("/admin/users");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("answers bad agency input with 400 and translated field errors, and writes nothing", async () => {
    const post = client(app, adminCookie);
    const before = (await db().select({ n: count() }).from(agencies))[0]!.n;
    const res = await post("/admin/agencies/new", { method: "POST", form: { name: "X", country: "QQ", kind: "army" } });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Use the two-letter ISO country code");
    expect(html).toContain("Choose one of the listed options");
    const dup = await post("/admin/agencies/new", { method: "POST", form: { name: "LANDESPOLIZEIDIREKTION WIEN", country: "AT", kind: "police" } });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("An agency with this name already exists in this country.");
    expect((await db().select({ n: count() }).from(agencies))[0]!.n).toBe(before);
    const ok = await post("/admin/agencies/new", { method: "POST", form: { name: "Policia e Kosovës", country: "XK", kind: "police" } });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toMatch(/^\/admin\/agencies\/[0-9a-f-]{36}\?created=1$/);
  });

  it("an invitation link works once, then shows one page saying it is not valid", async () => {
    const post = client(app, adminCookie);
    const bad = await post("/admin/invitations/new", { method: "POST", form: { name: "Ana", email: "not-an-email", agencyId, officeRole: "officer", timeZone: "Mars/Base", locale: "en" } });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Enter a valid e-mail address.");
    expect(badHtml).toContain("Choose a valid time zone.");
    expect(await db().select().from(users).where(eq(users.name, "Ana"))).toHaveLength(0);

    const res = await post("/admin/invitations/new", {
      method: "POST",
      form: { name: "Ana Kovačević", email: "ana.kovacevic@example.test", agencyId, officeRole: "officer", languages: "hr, en", timeZone: "Europe/Zagreb", locale: "en" },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    const token = html.match(/\/invite\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeTruthy();
    expect(html).toContain("Shown only now.");

    const anon = client(app, null);
    const page = await anon(`/invite/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const pageHtml = await page.text();
    expect(pageHtml).toContain("Ana Kovačević");
    expect(pageHtml).toContain("ana.kovacevic@example.test");

    const mismatch = await anon(`/invite/${token}`, { method: "POST", form: { password: "a long enough passphrase", confirm: "something else entirely" } });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("The two passwords do not match.");
    const common = await anon(`/invite/${token}`, { method: "POST", form: { password: "zzzzzzzzzzzzzzzz", confirm: "zzzzzzzzzzzzzzzz" } });
    expect(common.status).toBe(400);
    expect(await common.text()).toContain("This password is too common.");

    const done = await anon(`/invite/${token}`, { method: "POST", form: { password: "a long enough passphrase", confirm: "a long enough passphrase" } });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login?welcome=1");
    expect(await signInCookie(app, "ana.kovacevic@example.test", "a long enough passphrase")).toMatch(/=/);

    for (const attempt of [await anon(`/invite/${token}`), await anon(`/invite/${token}`, { method: "POST", form: { password: "another passphrase!", confirm: "another passphrase!" } })]) {
      expect(attempt.status).toBe(404);
      const text = await attempt.text();
      expect(text).toContain("This link is not valid");
      expect(text).not.toContain("ana.kovacevic@example.test");
    }
    // an unknown token gets the very same page
    const unknown = await anon(`/invite/${"x".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("This link is not valid");
  });

  it("re-issue shows a new link once; revoke makes a link invalid", async () => {
    const post = client(app, adminCookie);
    const res = await post("/admin/invitations/new", { method: "POST", form: { name: "Petra Horvat", email: "petra.horvat@example.test", agencyId, officeRole: "analyst", timeZone: "UTC", locale: "en" } });
    const first = (await res.text()).match(/\/invite\/([A-Za-z0-9_-]{43})/)![1];
    const [inv] = await db().select().from(invitations).innerJoin(users, eq(users.id, invitations.userId)).where(eq(users.email, "petra.horvat@example.test"));
    const again = await post("/admin/invitations", { method: "POST", form: { intent: "reissue", invitationId: inv!.invitations.id } });
    expect(again.status).toBe(200);
    const second = (await again.text()).match(/\/invite\/([A-Za-z0-9_-]{43})/)![1];
    expect(second).not.toBe(first);
    expect((await client(app, null)(`/invite/${first}`)).status).toBe(404);
    expect((await client(app, null)(`/invite/${second}`)).status).toBe(200);

    const pending = (await db().select().from(invitations).where(eq(invitations.userId, inv!.users.id))).find((i) => !i.revokedAt)!;
    const revoked = await post("/admin/invitations", { method: "POST", form: { intent: "revoke", invitationId: pending.id } });
    expect(revoked.status).toBe(302);
    expect((await client(app, null)(`/invite/${second}`)).status).toBe(404);
    const twice = await post("/admin/invitations", { method: "POST", form: { intent: "revoke", invitationId: pending.id } });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("This link is no longer pending");
  });

  it("refuses to disable oneself with a clear message; disabling another ends their session", async () => {
    const post = client(app, adminCookie);
    const self = await post(`/admin/users/${adminId}`, { method: "POST", form: { intent: "disable" } });
    expect(self.status).toBe(409);
    expect(await self.text()).toContain("You cannot disable your own account.");

    const victimCookie = await signInCookie(app, "victim.http@example.test");
    expect((await client(app, victimCookie)("/dashboard")).status).toBe(200);
    const off = await post(`/admin/users/${victimId}`, { method: "POST", form: { intent: "disable" } });
    expect(off.status).toBe(302);
    expect(off.headers.get("location")).toBe(`/admin/users/${victimId}?done=disable`);
    expect((await client(app, victimCookie)("/dashboard")).status).toBe(302);
    expect((await post(`/admin/users/${victimId}`, { method: "POST", form: { intent: "enable" } })).status).toBe(302);
  });

  it("edits a user: a taken e-mail is a 400 beside the field, and nothing is written", async () => {
    const post = client(app, adminCookie);
    const [victim] = await db().select().from(users).where(eq(users.id, victimId));
    const form = { intent: "update", name: "Changed Name", email: "OFFICER.HTTP@example.test", agencyId, officeRole: "analyst", timeZone: "UTC", locale: "en" };
    const res = await post(`/admin/users/${victimId}`, { method: "POST", form });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("A user with this e-mail address already exists.");
    const [after] = await db().select().from(users).where(eq(users.id, victimId));
    expect(after!.name).toBe(victim!.name);
    const ok = await post(`/admin/users/${victimId}`, { method: "POST", form: { ...form, email: "victim.http@example.test", officeRole: "liaison_officer" } });
    expect(ok.status).toBe(302);
    const [changed] = await db().select().from(users).where(eq(users.id, victimId));
    expect(changed).toMatchObject({ name: "Changed Name", officeRole: "liaison_officer" });
  });

  it("saves the second-factor policy from checkboxes", async () => {
    const post = client(app, adminCookie);
    const res = await post("/admin/policies", { method: "POST", form: { requireTotp: ["analyst", "liaison_officer"] } });
    expect(res.status).toBe(302);
    const html = await (await client(app, adminCookie)("/admin/policies")).text();
    expect(html.match(/type="checkbox"[^>]*checked/g)?.length).toBe(2);
    const bad = await post("/admin/policies", { method: "POST", form: { requireTotp: "emperor" } });
    expect(bad.status).toBe(400);
    await post("/admin/policies", { method: "POST", form: {} });
  });
  it("speaks the reader's language: a Greek-speaking administrator gets Greek pages and country names", async () => {
    await createUser(db(), { role: "admin", agencyId, email: "admin.el@example.test", locale: "el", timeZone: "Europe/Athens" });
    const get = client(app, await signInCookie(app, "admin.el@example.test"));
    expect(await (await get("/admin")).text()).toContain("Διαχείριση");
    const list = await (await get("/admin/agencies")).text();
    expect(list).toContain("Υπηρεσίες");
    expect(list).toContain("Αυστρία");
  });

  it("a password reset from the user page shows a one-time link that sets a new password", async () => {
    const post = client(app, adminCookie);
    const res = await post(`/admin/users/${victimId}`, { method: "POST", form: { intent: "reset_password" } });
    expect(res.status).toBe(200);
    const token = (await res.text()).match(/\/invite\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeTruthy();
    await expect(signInCookie(app, "victim.http@example.test")).rejects.toThrow();
    const done = await client(app, null)(`/invite/${token}`, { method: "POST", form: { password: "a reset passphrase", confirm: "a reset passphrase" } });
    expect(done.status).toBe(302);
    expect(await signInCookie(app, "victim.http@example.test", "a reset passphrase")).toMatch(/=/);
  });
});
