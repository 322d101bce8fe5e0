import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../app/server/seed";
import { startTestApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "./browser";

describe.skipIf(!hasChromium)(`browser: sign-in, language, field errors ${hasChromium ? "" : SKIP_REASON}`, () => {
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

  it("shows a field error beside the field, then signs in and opens the dashboard", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel(/e-mail/i).fill("not-an-email");
    await page.getByLabel(/password/i).fill("x");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect.poll(() => page.locator(".field-error").first().textContent()).toMatch(/valid e-mail/i);
    await screenshot(page, "login-field-error");

    await signIn(page, app.url, "officer.hu@concordia.test", DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/Welcome, Katalin/);
    await expect.poll(() => page.getByRole("link", { name: "BALKAN ROUTE" }).count()).toBe(1);
    await screenshot(page, "dashboard");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it("a failed sign-in says so without telling whether the e-mail exists", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel(/e-mail/i).fill("nobody@concordia.test");
    await page.getByLabel(/password/i).fill("wrong-password-123");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/Sign-in failed/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "login-failed");
    await page.close();
  });

  it("changes the interface language and keeps it for the account", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, app.url, "officer.hu@concordia.test", DEMO_PASSWORD);
    await page.locator("#language-select").selectOption("de");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("de");
    await expect.poll(() => page.getByRole("link", { name: "Operationen" }).count()).toBeGreaterThan(0);
    await page.reload();
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await screenshot(page, "dashboard-de");
    await page.locator("#language-select").selectOption("el");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("el");
    await context.close();
  });
});
