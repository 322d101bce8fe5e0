// Browser tests drive Debian's Chromium through playwright-core against a real server.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
/** Why browser tests are skipped where Chromium is missing (CI installs it). */
export const SKIP_REASON = `(skipped: no Chromium at ${CHROMIUM}; install Debian's chromium)`;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}

const SHOTS = path.resolve("tests/browser/screenshots");
export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.getByRole("button", { name: /sign in/i }).click()]);
}

/** Runs axe-core in the page and returns violations of serious or critical impact. */
export async function seriousAxeViolations(page: Page) {
  // evaluated through the DevTools protocol, which the page's CSP does not govern
  // (an injected <script> tag would be refused, as it should be)
  const axeSource = readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return (result as { id: string; impact: string; help: string; targets: string[] }[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}
