// An officer enters a planned action that meets another operation's: the conflict
// shows the other officer to call, both kinds, the distance and the overlap; without
// a tile server the place is given in coordinates beside a sketch. Axe stays clean.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf, createAgency, createOperation, createUser, TEST_PASSWORD } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "../browser/browser";

const wait = { timeout: 15_000 };

describe.skipIf(!hasChromium)(`browser: planned actions and their conflicts ${hasChromium ? "" : SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let opId = "";
  let otherCodeName = "";
  const other = { email: "", name: "Marta Jovanović" };
  let officerEmail = "";
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    const db = app.testDb.db;
    const rs = await createAgency(db, { name: "Police of Serbia — Border Police Directorate", country: "RS" });
    const at = await createAgency(db, { name: "Bundeskriminalamt Österreich", country: "AT" });
    const officer = await createUser(db, { name: "Lukas Gruber", agencyId: at.id, timeZone: "Europe/Vienna" });
    const theirs = await createUser(db, { name: other.name, agencyId: rs.id, timeZone: "Europe/Belgrade" });
    officerEmail = officer.email;
    other.email = theirs.email;
    const op = await createOperation(db, { codeName: "DANUBE GATE", leadAgencyId: at.id, members: [[officer.id, "lead"]] });
    const theirOp = await createOperation(db, { codeName: "SAVA NIGHT", leadAgencyId: rs.id, members: [[theirs.id, "lead"]] });
    opId = op.id;
    otherCodeName = theirOp.codeName;
    await app.services.deconfliction.registerPlannedAction({
      actor: await actorOf(db, theirs.id),
      operationId: theirOp.id,
      input: { kind: "surveillance", lat: 44.8176, lon: 20.4569, radiusM: 400, startsAt: "2031-06-12T04:00:00Z", endsAt: "2031-06-12T10:00:00Z" },
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    await signIn(page, app.url, officerEmail, TEST_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("enters a conflicting raid and sees whom to call, the distance, the overlap and the coordinates", async () => {
    await page.goto(`${app.url}/operations/${opId}`);
    await page.getByRole("link", { name: "Actions" }).click();
    await page.waitForURL(/\/actions$/);
    await expect.poll(() => page.getByText("No planned actions yet").count(), wait).toBe(1);

    // field errors first: out-of-range latitude, zero radius, end before start
    await page.getByLabel("Kind of action").selectOption("raid");
    await page.getByLabel("Latitude").fill("95");
    await page.getByLabel("Longitude").fill("20.4600");
    await page.getByLabel("Radius (metres)").fill("0");
    await page.getByLabel(/^Starts/).fill("2031-06-12T08:00");
    await page.getByLabel(/^Ends/).fill("2031-06-12T07:00");
    await page.getByRole("button", { name: "Register action" }).click();
    await expect.poll(() => page.getByText("Enter a latitude between −90 and 90.").count(), wait).toBe(1);
    expect(await page.getByText("Enter a whole number of metres from 1 to 100,000.").count()).toBe(1);
    expect(await page.getByText("The end must come after the start.").count()).toBe(1);
    await screenshot(page, "planned-actions-errors");

    // check first: the conflict is answered, nothing is stored
    await page.getByLabel("Latitude").fill("44.8190");
    await page.getByLabel("Radius (metres)").fill("250");
    await page.getByLabel(/^Ends/).fill("2031-06-12T11:30");
    await page.getByRole("button", { name: "Check without registering" }).click();
    await expect.poll(() => page.getByText("1 conflicting action of another operation.").count(), wait).toBe(1);
    expect(await page.getByText(other.email).count()).toBe(1);
    expect(await page.getByText("No planned actions yet").count()).toBe(1);

    await page.getByRole("button", { name: "Register action" }).click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/, wait);
    const conflict = page.locator('[data-testid="plan-conflict"]');
    await expect.poll(() => conflict.count(), wait).toBe(1);
    const text = (await conflict.innerText()).replace(/\s+/g, " ");
    expect(text).toContain("Meets a Surveillance of another operation");
    expect(text).toContain(other.name);
    expect(text).toContain(other.email);
    // 0.0014° north and 0.0031° east of their centre: about 290 m, shown to 50 m
    expect(text).toContain("300 m between the centres");
    // in the reader's zone (Vienna, summer time): ours 08:00–11:30, theirs 06:00–12:00
    expect(text).toMatch(/Both active .*08:00 – .*11:30/);
    expect(text).not.toContain(otherCodeName);
    expect(await page.content()).not.toContain("44.81760");
    // no tile server: coordinates, radius and a sketch
    expect(await page.getByTestId("plan-centre").innerText()).toBe("44.81900, 20.46000");
    expect(await page.getByRole("img", { name: /Sketch of the action/ }).count()).toBe(1);
    expect(await page.getByText(/No map server is configured/).count()).toBe(1);
    // the list beside shows it with an open conflict
    expect(await page.locator(".plan-item", { hasText: "Raid" }).getByText("1 open conflict").count()).toBe(1);
    await screenshot(page, "planned-action-conflict");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("moves the raid away: saved, checked again, the conflict kept but marked as no longer overlapping", async () => {
    await page.locator("summary", { hasText: "Change place or time" }).click();
    await page.locator("#edit-lat").fill("45.2671");
    await page.locator("#edit-lon").fill("19.8335");
    await page.getByRole("button", { name: "Save and check again" }).click();
    await expect.poll(() => page.getByText("Saved and checked again.").count(), wait).toBe(1);
    await expect.poll(() => page.getByText("No longer overlapping").count(), wait).toBe(1);
    expect(await page.getByTestId("plan-centre").innerText()).toBe("45.26710, 19.83350");
    await screenshot(page, "planned-action-moved");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
