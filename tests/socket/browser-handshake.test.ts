// What a real browser sends on the websocket handshake (its own Origin, the session
// cookie) and what our CSP lets a page connect to, checked in Chromium.
import { createServer, type Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser, signIn, SKIP_REASON } from "../browser/browser";
import { createUser, TEST_PASSWORD } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";

/** Opens a raw socket.io websocket from the page and reports how the handshake ended. */
function tryHandshake(page: Page, wsUrl: string) {
  return page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        let ws: WebSocket;
        try {
          ws = new WebSocket(url);
        } catch {
          return resolve("blocked");
        }
        const timer = setTimeout(() => resolve("no answer"), 10_000);
        ws.onmessage = (m) => {
          const data = String(m.data);
          // engine.io "open", then socket.io "connect" for the main namespace
          if (data.startsWith("0{")) ws.send("40");
          else if (data.startsWith("40")) {
            clearTimeout(timer);
            ws.close();
            resolve("connected");
          } else if (data.startsWith("44")) {
            clearTimeout(timer);
            resolve(`refused: ${JSON.parse(data.slice(2)).message}`);
          }
        };
        ws.onerror = () => {
          clearTimeout(timer);
          resolve("error");
        };
      }),
    wsUrl,
  );
}

describe.skipIf(!hasChromium)(`browser: the websocket handshake ${hasChromium ? "" : SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;
  let foreign: Server;
  let foreignUrl: string;
  let wsUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    wsUrl = `${app.url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`;
    // another site's page: same host name, another port (same *site*, so the browser sends our cookie)
    foreign = createServer((_req, res) => res.setHeader("Content-Type", "text/html").end("<!doctype html><title>elsewhere</title>"));
    await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
    const address = foreign.address();
    foreignUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => foreign?.close(r));
    await app?.close();
  });

  it("connects from our own signed-in page, and is refused from another page with the same cookie", async () => {
    const user = await createUser(app.testDb.db);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, app.url, user.email, TEST_PASSWORD);
    expect(await tryHandshake(page, wsUrl)).toBe("connected");

    const elsewhere = await context.newPage();
    await elsewhere.goto(foreignUrl);
    expect(await tryHandshake(elsewhere, wsUrl)).toBe("error");
    await context.close();
  });

  it("is refused as unauthenticated from our page without a session", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    expect(await tryHandshake(page, wsUrl)).toBe("refused: unauthenticated");
    await context.close();
  });

  it("our pages may not open a websocket to any other host (CSP connect-src)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    const violation = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), { once: true });
        }),
    );
    await tryHandshake(page, "ws://127.0.0.2:9/socket.io/?EIO=4&transport=websocket");
    expect(await violation).toBe("connect-src");
    await context.close();
  });
});
