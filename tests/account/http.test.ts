import { decodeBase32 } from "@oslojs/encoding";
import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, rolePolicies, users } from "../../db/schema/index";
import { createUser, TEST_PASSWORD } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";

/** Signs in with e-mail and password only: the cookie and where the server sends the browser next. */
async function passwordStep(app: TestApp, email: string, password = TEST_PASSWORD) {
  const res = await client(app, null)("/login", { method: "POST", form: { email, password } });
  expect(res.status).toBe(302);
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, location: res.headers.get("location")! };
}

const decodeHtml = (s: string) =>
  s
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("account pages over HTTP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("shows the profile and the reader's time zone", async () => {
    const u = await createUser(app.testDb.db, { timeZone: "Europe/Tirane", name: "Ilir Profile" });
    const res = await client(app, await signInCookie(app, u.email))("/account");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Ilir Profile");
    expect(html).toContain("Times are shown in Europe/Tirane.");
  });

  it("answers a bad time zone with 400 and the error beside the field, and saves good preferences", async () => {
    const u = await createUser(app.testDb.db);
    const http = client(app, await signInCookie(app, u.email));
    const bad = await http("/account", {
      method: "POST",
      form: { intent: "preferences", locale: "en", timeZone: "Mars/Olympus", phone: "", languages: "en, deutsch" },
    });
    expect(bad.status).toBe(400);
    const html = decodeHtml(await bad.text());
    expect(html).toContain("Choose a valid time zone.");
    expect(html).toContain("Use two-letter ISO 639-1 language codes");
    expect((await app.testDb.db.select().from(users).where(eq(users.id, u.id)))[0]!.timeZone).toBe("UTC");

    const good = await http("/account", {
      method: "POST",
      form: { intent: "preferences", locale: "de", timeZone: "Europe/Athens", phone: "+30 21 0000 0000", languages: "el, EN" },
    });
    expect(good.status).toBe(302);
    expect(good.headers.get("location")).toBe("/account?saved=preferences");
    const [row] = await app.testDb.db.select().from(users).where(eq(users.id, u.id));
    expect(row).toMatchObject({ locale: "de", timeZone: "Europe/Athens", phone: "+30 21 0000 0000", languages: ["el", "en"] });
    expect(await (await http("/account?saved=preferences")).text()).toContain("Zeiten werden in Europe/Athens angezeigt.");
  });

  it("changes the password: a wrong current one is a field error that never echoes the passwords", async () => {
    const u = await createUser(app.testDb.db);
    const cookie = await signInCookie(app, u.email);
    const other = await signInCookie(app, u.email);
    const http = client(app, cookie);
    const wrong = await http("/account", {
      method: "POST",
      form: { intent: "password", currentPassword: "my-wrong-guess-123", newPassword: "brand new passphrase 42", confirmPassword: "brand new passphrase 42" },
    });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain("The current password is not correct.");
    expect(html).not.toContain("my-wrong-guess-123");
    expect(html).not.toContain("brand new passphrase 42");

    const ok = await http("/account", {
      method: "POST",
      form: { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "brand new passphrase 42", confirmPassword: "brand new passphrase 42" },
    });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/account?saved=password");
    expect((await http("/account")).status).toBe(200);
    // the other session has ended
    expect((await client(app, other)("/account")).status).toBe(302);
  });

  it("enrols a second factor end to end, then asks for it at sign-in; a recovery code works once", async () => {
    const u = await createUser(app.testDb.db);
    const http = client(app, await signInCookie(app, u.email));

    const start = await http("/account/security", { method: "POST", form: { intent: "start" } });
    expect(start.status).toBe(302);
    const page = await (await http("/account/security")).text();
    expect(page).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    const grouped = page.match(/<code id="totp-secret"[^>]*>([A-Z2-7 ]+)<\/code>/)?.[1];
    expect(grouped).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = grouped!.replace(/ /g, "");

    const code = generateTOTP(decodeBase32(secret), 30, 6);
    // a code from none of the windows the server accepts (previous, current, next)
    const counter = BigInt(Math.floor(Date.now() / 30_000));
    const accepted = [-1n, 0n, 1n].map((d) => generateHOTP(decodeBase32(secret), counter + d, 6));
    const wrong = ["000000", "111111", "222222", "333333"].find((c) => !accepted.includes(c))!;
    const wrongCode = await http("/account/security", { method: "POST", form: { intent: "confirm", code: wrong } });
    expect(wrongCode.status).toBe(400);
    expect(await wrongCode.text()).toContain("Enter the 6-digit code that your authenticator app shows now.");

    const confirmed = await http("/account/security", { method: "POST", form: { intent: "confirm", code } });
    expect(confirmed.status).toBe(200);
    const confirmedHtml = await confirmed.text();
    const recovery = [...confirmedHtml.matchAll(/<code class="recovery-code">([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})<\/code>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(10);
    // shown once: the page no longer lists them
    expect(await (await http("/account/security")).text()).not.toContain(recovery[0]!);

    expect((await http("/logout", { method: "POST" })).status).toBe(302);

    const second = await passwordStep(app, u.email);
    expect(second.location).toMatch(/^\/login\/totp/);
    // the code that confirmed enrolment was used once already: the next step's code (still
    // accepted, as authenticator clocks drift) signs in
    const signInCode = generateHOTP(decodeBase32(secret), BigInt(Math.floor(Date.now() / 30_000)) + 1n, 6);
    const totp = await client(app, second.cookie)(second.location, { method: "POST", form: { code: signInCode } });
    expect(totp.status).toBe(302);
    expect(totp.headers.get("location")).toBe("/dashboard");
    expect((await client(app, second.cookie)("/dashboard")).status).toBe(200);

    // the same code a second time (a shoulder-surfed or phished code) is refused and audited
    const replay = await passwordStep(app, u.email);
    const replayed = await client(app, replay.cookie)(replay.location, { method: "POST", form: { code: signInCode } });
    expect(replayed.status).toBe(400);
    expect((await client(app, replay.cookie)("/dashboard")).status).toBe(302);
    const [failed] = await app.testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.totp_failed"), eq(auditLog.targetId, u.id)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(failed).toMatchObject({ outcome: "failure", details: { reason: "code_reused" } });

    const third = await passwordStep(app, u.email);
    const viaRecovery = await client(app, third.cookie)(third.location, { method: "POST", form: { code: recovery[3]! } });
    expect(viaRecovery.status).toBe(302);
    expect(viaRecovery.headers.get("location")).toBe("/dashboard");

    const fourth = await passwordStep(app, u.email);
    const reused = await client(app, fourth.cookie)(fourth.location, { method: "POST", form: { code: recovery[3]! } });
    expect(reused.status).toBe(400);
    expect((await client(app, fourth.cookie)("/dashboard")).status).toBe(302);
  });

  it("sends a user whose role requires a second factor to set one up, with the banner", async () => {
    await app.testDb.db
      .insert(rolePolicies)
      .values({ role: "liaison_officer", requireTotp: true })
      .onConflictDoUpdate({ target: rolePolicies.role, set: { requireTotp: true } });
    const u = await createUser(app.testDb.db, { role: "liaison_officer" });
    const http = client(app, await signInCookie(app, u.email));
    const dash = await http("/dashboard");
    expect(dash.status).toBe(302);
    expect(dash.headers.get("location")).toBe("/account/security?required=1");
    const page = await http("/account/security?required=1");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Your office requires a second factor for your role. Set it up to continue.");
    const start = await http("/account/security?required=1", { method: "POST", form: { intent: "start" } });
    expect(start.status).toBe(302);
    expect(start.headers.get("location")).toBe("/account/security?required=1#totp-setup");
  });

  it("turns the second factor off only with the current password", async () => {
    const u = await createUser(app.testDb.db);
    const http = client(app, await signInCookie(app, u.email));
    await http("/account/security", { method: "POST", form: { intent: "start" } });
    const secret = (await (await http("/account/security")).text()).match(/<code id="totp-secret"[^>]*>([A-Z2-7 ]+)<\/code>/)![1]!.replace(/ /g, "");
    expect((await http("/account/security", { method: "POST", form: { intent: "confirm", code: generateTOTP(decodeBase32(secret), 30, 6) } })).status).toBe(
      200
    );

    const wrong = await http("/account/security", { method: "POST", form: { intent: "disable", password: "not-the-password" } });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain("The current password is not correct.");
    expect(html).not.toContain("not-the-password");
    expect((await app.testDb.db.select().from(users).where(eq(users.id, u.id)))[0]!.totpEnabledAt).not.toBeNull();

    const ok = await http("/account/security", { method: "POST", form: { intent: "disable", password: TEST_PASSWORD } });
    expect(ok.status).toBe(302);
    expect((await app.testDb.db.select().from(users).where(eq(users.id, u.id)))[0]!.totpEnabledAt).toBeNull();
  });
});
