// The administration pages in Chromium: invite someone, copy the one-time link, set the password.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../app/server/seed";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "../browser/browser";
import { startTestApp, type TestApp } from "../setup/app";

const POLL = { timeout: 30_000 };

// the top bar's brand link belongs to the app shell, checked by the shell's own tests
const ownViolations = async (page: Page) => (await seriousAxeViolations(page)).filter((v) => !v.targets.every((t) => t === ".brand"));

describe.skipIf(!hasChromium)(`browser: administration ${hasChromium ? "" : SKIP_REASON}`, { timeout: 300_000 }, () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp({ seed: true });
    browser = await launchBrowser();
  });
  // a loaded machine (other suites spawning processes) can take longer than Playwright's 30 s default
  const slow = (page: Page) => (page.setDefaultTimeout(120_000), page);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("every administration page is free of serious accessibility problems", async () => {
    const page = slow(await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true }));
    await signIn(page, app.url, "admin@concordia.test", DEMO_PASSWORD);
    for (const [path, name] of [
      ["/admin", "admin-home"],
      ["/admin/users", "admin-users"],
      ["/admin/agencies", "admin-agencies"],
      ["/admin/agencies/new", "admin-agency-new"],
      ["/admin/invitations", "admin-invitations"],
      ["/admin/invitations/new", "admin-invite"],
      ["/admin/policies", "admin-policies"],
    ] as const) {
      await page.goto(`${app.url}${path}`);
      await screenshot(page, name);
      expect(await ownViolations(page), path).toEqual([]);
    }
    await page.goto(`${app.url}/admin/users?q=lukas`);
    await page.getByRole("link", { name: "Lukas Gruber" }).click();
    await page.waitForURL(/\/admin\/users\/[^?]+$/);
    await screenshot(page, "admin-user");
    expect(await ownViolations(page)).toEqual([]);
    await page.close();
  });

  it("invites a user, shows the link once with a working copy button, and the invitee sets a password", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    const page = slow(await context.newPage());
    await signIn(page, app.url, "admin@concordia.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/admin/invitations/new`);
    await page.getByRole("button", { name: "Create account and link" }).click();
    await expect.poll(() => page.locator(".field-error").count(), POLL).toBeGreaterThan(0);
    await page.getByLabel("Full name").fill("Ilir Gashi");
    await page.getByLabel("E-mail address").fill("ilir.gashi@example.test");
    await page.getByLabel("Agency").selectOption({ label: "Albanian State Police" });
    await page.getByLabel("Office role").selectOption("officer");
    await page.getByLabel("Languages spoken").fill("sq, en, it");
    await page.getByLabel("Time zone").fill("Europe/Tirane");
    await page.getByRole("button", { name: "Create account and link" }).click();
    const link = page.getByLabel("Link", { exact: true });
    await expect.poll(() => link.inputValue(), POLL).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await screenshot(page, "admin-invite-link");
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Copied" }).count(), POLL).toBe(1);
    const url = await link.inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await context.close();

    const invitee = slow(await browser.newPage({ bypassCSP: true }));
    await invitee.goto(url);
    await expect.poll(() => invitee.locator("h1").textContent(), POLL).toBe("Set your password");
    expect(await seriousAxeViolations(invitee)).toEqual([]);
    await invitee.getByLabel("New password").fill("ilir's long passphrase");
    await invitee.getByLabel("Repeat the password").fill("ilir's long passphrase");
    await screenshot(invitee, "invite-accept");
    await Promise.all([invitee.waitForURL(/\/login\?welcome=1$/), invitee.getByRole("button", { name: "Set password" }).click()]);
    await invitee.goto(url);
    await expect.poll(() => invitee.locator("h1").textContent(), POLL).toBe("This link is not valid");
    await screenshot(invitee, "invite-invalid");
    await signIn(invitee, app.url, "ilir.gashi@example.test", "ilir's long passphrase");
    expect(new URL(invitee.url()).pathname).toBe("/dashboard");
    await invitee.close();
  });
});
