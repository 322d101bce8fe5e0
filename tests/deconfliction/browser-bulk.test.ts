// An officer uploads the contacts of a seized phone, maps the columns, watches the
// check finish and reads a hit (whom to call) and an unreadable value, then downloads
// the result. Axe stays clean on every step.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf, createAgency, createOperation, createUser, TEST_PASSWORD } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "../browser/browser";

const wait = { timeout: 20_000 };

describe.skipIf(!hasChromium)(`browser: bulk check of a CSV ${hasChromium ? "" : SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const contact = { name: "Sofia Papadopoulou", email: "" };
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    const db = app.testDb.db;
    const rs = await createAgency(db, { name: "Police of Serbia — Criminal Police Directorate", country: "RS" });
    const gr = await createAgency(db, { name: "Hellenic Police — Anti-Trafficking Unit", country: "GR" });
    const me = await createUser(db, { name: "Nikola Petrović", agencyId: rs.id, timeZone: "Europe/Belgrade" });
    const them = await createUser(db, { name: contact.name, agencyId: gr.id });
    contact.email = them.email;
    await createOperation(db, { codeName: "MORAVA", leadAgencyId: rs.id, members: [[me.id, "lead"]] });
    const theirOp = await createOperation(db, { codeName: "EVROS", leadAgencyId: gr.id, members: [[them.id, "lead"]] });
    await app.services.deconfliction.registerTarget({ actor: await actorOf(db, them.id), operationId: theirOp.id, input: { kind: "phone", value: { number: "+381 63 555 0199" } } });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, app.url, me.email, TEST_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("uploads, maps, finishes, shows a hit and an unreadable value, downloads the result", async () => {
    await page.goto(`${app.url}/deconfliction/bulk`);
    await expect.poll(() => page.getByRole("heading", { name: "Bulk check", exact: true }).count(), wait).toBe(1);
    await screenshot(page, "bulk-empty");
    expect(await seriousAxeViolations(page)).toEqual([]);

    const csv = "\uFEFFName;Mobile;E-mail\nDragan;063 555 0199;dragan@example.org\nAmir;+49 151 2345 6789;amir(at)example\nLena;+43 660 1234567;\n";
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "seized-phone-contacts.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "What is in each column?" }).count(), wait).toBe(1);
    expect(await page.getByText("Read 3 rows in 3 columns, separated by semicolons.").count()).toBe(1);
    // guesses from the column names: Mobile → phone, E-mail → e-mail
    expect(await page.getByLabel("Mobile").inputValue()).toBe("phone");
    expect(await page.getByLabel("E-mail").inputValue()).toBe("email");
    await screenshot(page, "bulk-mapping");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Check 3 rows" }).click();
    // the progress section shows while it runs, then the result replaces it
    await expect.poll(() => page.getByText("rows checked").count(), wait).toBe(1);
    const hit = page.getByTestId("bulk-row-hit");
    await expect.poll(() => hit.count(), wait).toBe(1);
    const hitText = (await hit.innerText()).replace(/\s+/g, " ");
    expect(hitText).toContain("063 555 0199");
    expect(hitText).toContain(contact.name);
    expect(hitText).toContain(contact.email);
    expect(hitText).not.toContain("EVROS");
    const invalid = page.getByTestId("bulk-row-invalid");
    expect(await invalid.count()).toBe(1);
    expect((await invalid.innerText()).replace(/\s+/g, " ")).toContain("Not an e-mail address");
    expect(await page.getByText("The uploaded file is not kept", { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, "bulk-result");
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download result (CSV)" }).click()]);
    expect(download.suggestedFilename()).toBe("seized-phone-contacts-result.csv");
    const text = readFileSync((await download.path())!, "utf8");
    expect(text).toContain("2,Mobile,063 555 0199,phone,hit");
    expect(text).toContain(contact.email);
    expect(text).toContain("3,E-mail,amir(at)example,email,invalid");

    // the list shows it with its counts
    await page.getByRole("link", { name: "Bulk check", exact: true }).click();
    await expect.poll(() => page.getByRole("link", { name: "seized-phone-contacts.csv" }).count(), wait).toBe(1);
    await screenshot(page, "bulk-list");
  });
});
