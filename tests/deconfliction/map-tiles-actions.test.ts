// With a tile server configured, the action page draws a map: the server's origin is
// allowed in the CSP's img-src, the page carries the tile template, and a bad template
// stops the process at start with the reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tileOrigin } from "../../app/server/app";
import { readEnv } from "../../app/utils/env.server";
import { actorOf, createOperation, createUser } from "../factories/index";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, screenshot, signIn } from "../browser/browser";
import { TEST_PASSWORD } from "../factories/index";

describe("map tiles for planned actions", () => {
  it("reads MAP_TILE_URL and turns it into a CSP source", () => {
    expect(readEnv({ NODE_ENV: "test", MAP_TILE_URL: "https://tile.openstreetmap.org/{z}/{x}/{y}.png" }).MAP_TILE_URL).toBe("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    expect(() => readEnv({ NODE_ENV: "test", MAP_TILE_URL: "https://tiles.example/no-placeholders.png" })).toThrow(/MAP_TILE_URL/);
    expect(readEnv({ NODE_ENV: "test", MAP_TILE_URL: "" }).MAP_TILE_URL).toBeUndefined();
    expect(tileOrigin("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).toBe("https://tile.openstreetmap.org");
    expect(tileOrigin("https://{s}.tiles.example:8443/{z}/{x}/{y}.png")).toBe("https://*.tiles.example:8443");
    expect(tileOrigin(null)).toBeNull();
  });

  describe("over HTTP", () => {
    let app: TestApp;
    let cookie = "";
    let path = "";
    let email = "";
    beforeAll(async () => {
      app = await startTestApp({ env: { MAP_TILE_URL: "https://tiles.example.org/{z}/{x}/{y}.png", MAP_ATTRIBUTION: "© Example tiles" } });
      const u = await createUser(app.testDb.db);
      const op = await createOperation(app.testDb.db, { members: [[u.id, "lead"]] });
      const r = await app.services.deconfliction.registerPlannedAction({
        actor: await actorOf(app.testDb.db, u.id),
        operationId: op.id,
        input: { kind: "search", lat: 41.9981, lon: 21.4254, radiusM: 150, startsAt: "2032-02-01T06:00:00Z", endsAt: "2032-02-01T08:00:00Z" },
      });
      path = `/operations/${op.id}/actions/${r.action.id}`;
      email = u.email;
      cookie = await signInCookie(app, u.email);
    }, 120_000);
    afterAll(() => app?.close());

    it("allows the tile origin in img-src and hands the template to the page", async () => {
      const res = await client(app, cookie)(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toMatch(/img-src 'self' data: blob: https:\/\/tiles\.example\.org/);
      const html = await res.text();
      expect(html).toContain("https://tiles.example.org/{z}/{x}/{y}.png");
      expect(html).toContain("© Example tiles");
      // the coordinates stay written out beside the map
      expect(html).toContain("41.99810");
    });

    it.skipIf(!hasChromium)("loads Leaflet in the browser only and draws the circle on the map", async () => {
      const browser = await launchBrowser();
      try {
        const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
        const errors: string[] = [];
        page.on("console", (m) => {
          // tiles of the made-up server do not load; anything else is a fault
          if (m.type() === "error" && !/Failed to load resource|ERR_NAME_NOT_RESOLVED/.test(m.text())) errors.push(m.text());
        });
        page.on("pageerror", (e) => errors.push(String(e)));
        await signIn(page, app.url, email, TEST_PASSWORD);
        await page.goto(`${app.url}${path}`);
        await expect.poll(() => page.locator(".leaflet-container path.leaflet-interactive").count(), { timeout: 15_000 }).toBeGreaterThan(0);
        expect(await page.locator(".leaflet-control-attribution").innerText()).toContain("© Example tiles");
        expect(errors).toEqual([]);
        await screenshot(page, "planned-action-map");
      } finally {
        await browser.close();
      }
    });
  });
});
