import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations, users } from "../../db/schema/index";
import { DEMO_PASSWORD } from "../../app/server/seed";
import { actorOf } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "../browser/browser";

// generous: the server may be busy with other test files running in parallel
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

// The shell's brand link (root.tsx) has an aria-label that differs from its visible text; it is
// not part of these pages, so it is left out here rather than hiding what these pages do.
async function axeProblems(page: Page) {
  return (await seriousAxeViolations(page)).filter((v) => !(v.id === "label-content-name-mismatch" && v.targets.every((t) => t === ".brand")));
}

describe.skipIf(!hasChromium)(`browser: operations ${hasChromium ? "" : SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp({ seed: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function pageAs(email: string): Promise<Page> {
    // bypassCSP: axe-core is injected as an inline script, which the CSP rightly refuses
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, app.url, email, DEMO_PASSWORD);
    return page;
  }

  it("creates an operation, edits it, keeps the lead's input through a conflict, and adds a member", async () => {
    const page = await pageAs("admin@concordia.test");
    await page.goto(`${app.url}/operations`);
    await page.getByRole("link", { name: "New operation" }).first().click();
    await page.waitForURL(/\/operations\/new$/);
    // typing before hydration would be lost when React takes over the form
    await page.waitForLoadState("networkidle");
    // submitting empty shows errors beside the fields, without a round trip
    await page.getByLabel("Code name").fill("N");
    await page.getByLabel("Code name").press("Enter");
    await poll(() => page.locator(".field-error").allTextContents()).toEqual(expect.arrayContaining(["Enter at least 2 characters.", "Choose at least one."]));
    await screenshot(page, "operations-new-errors");
    expect(await axeProblems(page)).toEqual([]);

    await page.getByLabel("Code name").fill("NORTHERN LIGHT");
    await page.getByLabel("Summary").fill("Document fraud ring supplying forged residence permits.");
    await page.getByLabel("Document fraud").check();
    await page.getByLabel("JIT agreement reference").fill("JIT-2026-040 (AT-HU)");
    await page.getByLabel("Agreement start").fill("2026-01-01");
    await page.getByLabel("Agreement end").fill("2099-12-31");
    await Promise.all([page.waitForURL(/\/operations\/[0-9a-f-]{36}$/), page.getByRole("button", { name: "Create operation" }).click()]);
    await poll(() => page.locator("h1").textContent()).toMatch(/NORTHERN LIGHT/);
    await screenshot(page, "operation-overview");
    expect(await axeProblems(page)).toEqual([]);
    const operationId = new URL(page.url()).pathname.split("/").pop()!;

    // the lead starts an edit; meanwhile someone else saves
    await page.getByText("Edit details").click();
    await page.getByLabel("Summary").fill("My version of the summary.");
    const [admin] = await app.testDb.db.select().from(users).where(eq(users.email, "admin@concordia.test"));
    const [op] = await app.testDb.db.select().from(operations).where(eq(operations.id, operationId));
    await app.services.operations.update({
      actor: await actorOf(app.testDb.db, admin!.id),
      operationId,
      input: { ...op!, agencyIds: [op!.leadAgencyId], summary: "Their version.", version: op!.version } as never,
    });
    await page.getByRole("button", { name: "Save" }).click();
    await poll(() => page.getByRole("alert").filter({ hasText: "Someone changed this operation since you opened it." }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Summary").inputValue()).toBe("My version of the summary.");
    await screenshot(page, "operation-conflict");
    await page.getByRole("button", { name: "Save" }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "Changes saved." }).count()).toBe(1);
    await poll(async () => (await app.testDb.db.select().from(operations).where(eq(operations.id, operationId)))[0]!.summary).toBe("My version of the summary.");

    await page.getByRole("link", { name: /Members/ }).click();
    await page.waitForURL(/\/members$/);
    await page.getByLabel("Person").selectOption({ label: "Katalin Szabó — Officer" });
    await page.getByRole("button", { name: "Add member" }).click();
    await poll(() => page.locator("td strong", { hasText: "Katalin Szabó" }).count()).toBe(1);
    await screenshot(page, "operation-members");
    expect(await axeProblems(page)).toEqual([]);

    await page.goto(`${app.url}/operations?q=northern`);
    await poll(() => page.getByRole("link", { name: "NORTHERN LIGHT" }).count()).toBe(1);
    await screenshot(page, "operations-list");
    expect(await axeProblems(page)).toEqual([]);

    await page.goto(`${app.url}/admin/operations`);
    await screenshot(page, "admin-operations");
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole("link", { name: "BALKAN ROUTE" }).click();
    await page.waitForURL(/\/admin\/operations\/[0-9a-f-]{36}$/);
    await screenshot(page, "admin-operation");
    expect(await axeProblems(page)).toEqual([]);
    await page.context().close();
  });

  it("shows an observer why the operation is read-only and no edit controls", async () => {
    const page = await pageAs("liaison@concordia.test");
    await page.goto(`${app.url}/operations`);
    await page.getByRole("link", { name: "BALKAN ROUTE" }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "You are an observer" }).count()).toBe(1);
    expect(await page.getByText("Edit details").count()).toBe(0);
    await page.getByRole("link", { name: /Members/ }).click();
    await page.waitForURL(/\/members$/);
    expect(await page.getByRole("button", { name: "Add member" }).count()).toBe(0);
    await screenshot(page, "operation-observer");
    expect(await axeProblems(page)).toEqual([]);
    await page.context().close();
  });
});
