// The API token pages in Chromium: an administrator creates a token, sees the
// secret once (and it works against the API), then revokes it (and it stops working).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../app/server/seed";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "../browser/browser";
import { startTestApp, type TestApp } from "../setup/app";
import { api } from "./helpers";

const POLL = { timeout: 30_000 };
// the top bar's brand link belongs to the app shell, checked by the shell's own tests
const ownViolations = async (page: Page) => (await seriousAxeViolations(page)).filter((v) => !v.targets.every((t) => t === ".brand"));

describe.skipIf(!hasChromium)(`browser: API tokens ${hasChromium ? "" : SKIP_REASON}`, { timeout: 300_000 }, () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp({ seed: true });
    browser = await launchBrowser();
  });
  const slow = (page: Page) => (page.setDefaultTimeout(120_000), page);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("an administrator creates a token, sees the secret once, and revokes it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    const page = slow(await context.newPage());
    await signIn(page, app.url, "admin@concordia.test", DEMO_PASSWORD);

    await page.goto(`${app.url}/admin`);
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.waitForURL(/\/admin\/api-tokens$/);
    await expect.poll(() => page.locator("h1").textContent(), POLL).toBe("API tokens");
    await screenshot(page, "api-tokens-empty");
    expect(await ownViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "New token" }).first().click();
    await page.waitForURL(/\/admin\/api-tokens\/new$/);
    // nothing filled in: field errors, no token
    await page.getByRole("button", { name: "Create token" }).click();
    await expect.poll(() => page.locator(".field-error").count(), POLL).toBeGreaterThan(0);
    await screenshot(page, "api-tokens-new-errors");
    expect(await ownViolations(page)).toEqual([]);

    await page.getByLabel("Name").fill("Border police case system");
    await page.getByLabel("Agency").selectOption({ label: "Border Police Directorate" });
    // only the chosen agency's accounts are offered
    const acting = page.getByLabel("Acts as");
    await expect.poll(() => acting.locator("option").allTextContents(), POLL).toEqual(["Choose an account", expect.stringContaining("Marko Petrović")]);
    await acting.selectOption({ index: 1 });
    await page.getByLabel("Check", { exact: false }).first().check();
    await page.getByRole("checkbox", { name: /Register/ }).check();
    await screenshot(page, "api-tokens-new");
    await page.getByRole("button", { name: "Create token" }).click();

    const secretField = page.getByTestId("api-token-secret");
    await expect.poll(() => secretField.inputValue(), POLL).toMatch(/^cnc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const secret = await secretField.inputValue();
    await screenshot(page, "api-tokens-secret");
    expect(await ownViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Copy secret" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Copied" }).count(), POLL).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // the secret works, as Marko
    expect((await api(app, secret)("GET", "/hits")).status).toBe(200);

    // never shown again: the list has the prefix only
    await page.getByRole("link", { name: "Back to the tokens" }).click();
    await page.waitForURL(/\/admin\/api-tokens$/);
    const row = page.locator("tr", { hasText: "Border police case system" });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await page.content()).not.toContain(secret.slice(13));
    await expect.poll(() => row.textContent(), POLL).toContain(secret.slice(0, 12));
    await expect.poll(() => row.textContent(), POLL).toContain("Marko Petrović");
    await expect.poll(() => row.textContent(), POLL).toContain("Active");
    await screenshot(page, "api-tokens-list");
    expect(await ownViolations(page)).toEqual([]);

    // revoking asks first
    await row.getByText("Revoke…").click();
    await expect.poll(() => row.getByText("Revoke this token?").isVisible(), POLL).toBe(true);
    await screenshot(page, "api-tokens-revoke-confirm");
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), POLL).toContain("The token was revoked.");
    await expect.poll(() => page.locator("tr", { hasText: "Border police case system" }).textContent(), POLL).toContain("Revoked");
    await screenshot(page, "api-tokens-revoked");
    expect((await api(app, secret)("GET", "/hits")).status).toBe(401);
    await context.close();
  });
});
