// Two officers of two operations register the same phone in two formats; both see
// the hit arrive live with the other's contact and nothing else; one resolves it.
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema/index";
import { TEST_PASSWORD, createAgency, createOperation, createUser } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "../browser/browser";

// a loaded machine is slow, not wrong: polls wait for the live update instead of sleeping
const wait = { timeout: 15_000 };

describe.skipIf(!hasChromium)(`browser: deconfliction between two operations ${hasChromium ? "" : SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;
  const f = {} as {
    jelena: { email: string; name: string };
    lukas: { email: string; name: string };
    admin: { email: string };
    opRs: { id: string; codeName: string };
    opAt: { id: string; codeName: string };
  };

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    const db = app.testDb.db;
    const rs = await createAgency(db, { country: "RS", name: "Ministry of Interior – Border Police" });
    const at = await createAgency(db, { country: "AT", name: "Bundeskriminalamt" });
    const jelena = await createUser(db, { agencyId: rs.id, name: "Jelena Marković", email: "jelena.markovic@mup.test", timeZone: "Europe/Belgrade" });
    const lukas = await createUser(db, { agencyId: at.id, name: "Lukas Huber", email: "lukas.huber@bka.test", timeZone: "Europe/Vienna" });
    await db.update(users).set({ phone: "+381 11 306 2000" }).where(eq(users.id, jelena.id));
    await db.update(users).set({ phone: "+43 1 24836 85025" }).where(eq(users.id, lukas.id));
    const admin = await createUser(db, { role: "admin", agencyId: rs.id, email: "admin@office.test" });
    const opRs = await createOperation(db, { leadAgencyId: rs.id, codeName: "SAVA CROSSING", members: [[jelena.id, "lead"]] });
    const opAt = await createOperation(db, { leadAgencyId: at.id, codeName: "ALPENROSE", members: [[lukas.id, "lead"]] });
    Object.assign(f, { jelena, lukas, admin, opRs, opAt });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function pageFor(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, app.url, email, TEST_PASSWORD);
    return page;
  }
  async function register(page: Page, opId: string, number: string, note: string) {
    await page.goto(`${app.url}/operations/${opId}/targets`);
    await page.getByLabel("Identifier", { exact: true }).selectOption("phone");
    await page.getByLabel("Number").fill(number);
    await page.getByLabel(/^Note/).fill(note);
    await page.getByLabel("Handling code").selectOption("H2");
    await page.getByRole("button", { name: "Register and check" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Automatic check" }).count(), wait).toBe(1);
  }
  async function expectClean(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  it("both officers see the hit live with each other's contact and nothing else; one resolves it", async () => {
    const jelena = await pageFor(f.jelena.email);
    const lukas = await pageFor(f.lukas.email);

    // Jelena registers the national form first: the operation's country (RS) reads it
    await register(jelena, f.opRs.id, "0641234567", "Courier's phone from the Šid interview");
    expect(await jelena.getByText("No other operation has registered this identifier.").count()).toBe(1);
    await expect.poll(() => jelena.locator("table").getByText("+381 64 1234567").count(), wait).toBe(1);
    await screenshot(jelena, "deconfliction-targets-registered");
    await expectClean(jelena);

    // both keep the deconfliction page open
    await jelena.goto(`${app.url}/deconfliction`);
    await lukas.goto(`${app.url}/deconfliction`);
    await expect.poll(() => jelena.getByText("No hits", { exact: true }).count(), wait).toBe(1);
    await expectClean(jelena);
    // wait for the live connection before the hit happens
    await expect.poll(() => jelena.locator('[data-status="online"]').count(), wait).toBe(1);
    await expect.poll(() => lukas.locator('[data-status="online"]').count(), wait).toBe(1);

    // Lukas, in another operation, registers the same phone in the international form
    const lukasTargets = await pageFor(f.lukas.email);
    await register(lukasTargets, f.opAt.id, "+381 64 123 4567", "Handler of the Vienna safe house");
    const result = lukasTargets.locator(".dc-result");
    await expect.poll(() => result.getByText("Jelena Marković").count(), wait).toBe(1);
    expect(await result.getByText("jelena.markovic@mup.test").count()).toBe(1);
    expect(await result.getByText("same identifier after normalisation").count()).toBe(1);
    const resultText = (await result.textContent()) ?? "";
    for (const secret of [f.opRs.codeName, "Šid interview"]) expect(resultText).not.toContain(secret);
    await screenshot(lukasTargets, "deconfliction-register-hit");
    await expectClean(lukasTargets);

    // the hit appears on both open pages without a reload
    const rowOf = (page: Page) => page.locator('[data-testid="hits-table"] tbody tr');
    await expect.poll(() => rowOf(jelena).count(), wait).toBe(1);
    await expect.poll(() => rowOf(lukas).count(), wait).toBe(1);
    expect(await rowOf(jelena).getByText("Lukas Huber").count()).toBe(1);
    expect(await rowOf(lukas).getByText("Jelena Marković").count()).toBe(1);
    for (const [page, theirs] of [
      [jelena, [f.opAt.codeName, "Vienna safe house"]],
      [lukas, [f.opRs.codeName, "Šid interview"]],
    ] as const) {
      const html = await page.content();
      for (const secret of theirs) expect(html).not.toContain(secret);
    }
    await screenshot(jelena, "deconfliction-hits-live");

    // Jelena opens it, acknowledges, then Lukas resolves it
    await rowOf(jelena).getByRole("link").first().click();
    await expect.poll(() => jelena.getByRole("heading", { name: /^Hit: Phone number/ }).count(), wait).toBe(1);
    expect(await jelena.getByText("lukas.huber@bka.test").count()).toBe(1);
    expect(await jelena.getByText("+43 1 24836 85025").count()).toBe(1);
    expect(await jelena.getByText(f.opRs.codeName).count()).toBeGreaterThan(0);
    expect(await jelena.content()).not.toContain(f.opAt.codeName);
    await jelena.getByRole("button", { name: "Acknowledge" }).click();
    await expect.poll(() => jelena.getByText("Acknowledged").count(), wait).toBeGreaterThan(0);
    await screenshot(jelena, "deconfliction-hit-detail");
    await expectClean(jelena);

    await rowOf(lukas).getByRole("link").first().click();
    await expect.poll(() => lukas.getByRole("heading", { name: /^Hit: Phone number/ }).count(), wait).toBe(1);
    // a step Jelena already took is refused with an explanation, not silently repeated
    await lukas.getByRole("button", { name: "Resolve" }).click();
    await expect.poll(() => lukas.getByText("Choose the outcome.").count(), wait).toBe(1);
    await lukas.getByLabel("Coordinated").check();
    await lukas.getByLabel("Note on the outcome").fill("Spoke with Jelena: BKA holds its search until the Serbian arrest on Friday.");
    await lukas.getByRole("button", { name: "Resolve" }).click();
    await expect.poll(() => lukas.getByText("Resolved: Coordinated").count(), wait).toBe(1);
    await screenshot(lukas, "deconfliction-hit-resolved");

    await jelena.reload();
    await expect.poll(() => jelena.getByText("Resolved: Coordinated").count(), wait).toBe(1);
    expect(await jelena.getByText(/BKA holds its search/).count()).toBe(1);
  });

  it("just checking, the target page and the settings look right and pass axe", async () => {
    const jelena = await pageFor(f.jelena.email);
    await jelena.goto(`${app.url}/deconfliction/check`);
    await jelena.getByLabel("Identifier", { exact: true }).selectOption("phone");
    await jelena.getByLabel("Number", { exact: true }).fill("00381 64 123 4567");
    await jelena.getByRole("button", { name: "Check", exact: true }).click();
    await expect.poll(() => jelena.getByText("Lukas Huber").count(), wait).toBe(1);
    expect(await jelena.content()).not.toContain(f.opAt.codeName);
    await screenshot(jelena, "deconfliction-check");
    await expectClean(jelena);

    // a bad IBAN is explained on its field; the picked kind is in the URL, for a reload or a link
    await jelena.getByLabel("Identifier", { exact: true }).selectOption("iban");
    await expect.poll(() => new URL(jelena.url()).searchParams.get("kind"), wait).toBe("iban");
    await jelena.getByLabel("IBAN", { exact: true }).fill("RS35 2600 0560 1001 6113 78");
    await jelena.getByRole("button", { name: "Check", exact: true }).click();
    await expect.poll(() => jelena.getByText("The IBAN's check digits are wrong: check for a typo.").count(), wait).toBe(1);

    await jelena.goto(`${app.url}/operations/${f.opRs.id}/targets`);
    await jelena.locator("table").getByRole("link").first().click();
    await expect.poll(() => jelena.getByRole("heading", { name: "Hits of this target" }).count(), wait).toBe(1);
    await screenshot(jelena, "deconfliction-target-detail");
    await expectClean(jelena);

    // the person form, from the link and from the picker (which keeps the list's filter)
    await jelena.goto(`${app.url}/operations/${f.opRs.id}/targets?register=person`);
    await expect.poll(() => jelena.getByLabel("Full name").count(), wait).toBe(1);
    await jelena.goto(`${app.url}/operations/${f.opRs.id}/targets?kind=phone`);
    await jelena.locator("#register-kind").selectOption("person");
    await expect.poll(() => jelena.getByLabel("Full name").count(), wait).toBe(1);
    await expect.poll(() => Object.fromEntries(new URL(jelena.url()).searchParams), wait).toEqual({ kind: "phone", register: "person" });
    await screenshot(jelena, "deconfliction-register-person");

    const admin = await pageFor(f.admin.email);
    await admin.goto(`${app.url}/admin/deconfliction`);
    await admin.getByLabel("Person match threshold").fill("0.3");
    await admin.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => admin.locator(".field-error").count(), wait).toBe(1);
    await admin.getByLabel("Person match threshold").fill("0.88");
    await admin.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => admin.getByText("Settings saved.", { exact: false }).count(), wait).toBe(1);
    await screenshot(admin, "deconfliction-settings");
    await expectClean(admin);
  });

  it("reads in the officer's language: the hit list and a hit in Serbian and Greek", async () => {
    const db = app.testDb.db;
    for (const [lng, heading, reason] of [
      ["sr", "Dekonflikcija", "isti identifikator posle normalizacije"],
      ["el", "Αποσυμπλοκή", "ίδιο αναγνωριστικό μετά την κανονικοποίηση"],
    ] as const) {
      await db.update(users).set({ locale: lng }).where(eq(users.email, f.jelena.email));
      const page = await pageFor(f.jelena.email);
      await page.goto(`${app.url}/deconfliction?status=all`);
      await expect.poll(() => page.getByRole("heading", { name: heading, level: 1 }).count(), wait).toBe(1);
      await page.locator('[data-testid="hits-table"] tbody tr').first().getByRole("link").first().click();
      await expect.poll(() => page.getByTestId("hit-reasons").textContent(), wait).toBe(reason);
      await screenshot(page, `deconfliction-hit-${lng}`);
      await expectClean(page);
    }
    await db.update(users).set({ locale: "en" }).where(eq(users.email, f.jelena.email));
  });
});
