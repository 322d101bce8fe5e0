// Chat in two browsers: two members exchange messages live, reply in a thread, edit,
// find a message by search and open it in context, send while offline (delivered once
// after reconnecting), and read the page in another language. Screenshots and axe.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages, operations, users } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import { DEMO_PASSWORD } from "../../app/server/seed";
import { actorOf } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "../browser/browser";

// a loaded machine is slow, not wrong: polls wait for the live update instead of sleeping
const wait = { timeout: 20_000 };

describe.skipIf(!hasChromium)(`browser: chat ${hasChromium ? "" : SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;
  let generalId: string;
  let hu: Actor;
  let lead: Actor;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startTestApp({ seed: true });
    browser = await launchBrowser();
    const db = app.testDb.db;
    const byEmail = async (email: string) => actorOf(db, (await db.select().from(users).where(eq(users.email, email)))[0]!.id);
    hu = await byEmail("officer.hu@concordia.test");
    lead = await byEmail("lead@concordia.test");
    const [op] = await db.select().from(operations).where(eq(operations.codeName, "BALKAN ROUTE"));
    const channels = await app.services.chat.listChannels({ actor: hu });
    generalId = channels.find((c) => c.operationId === op!.id && c.isGeneral)!.id;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app?.close();
  });

  async function pageFor(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, app.url, email, DEMO_PASSWORD);
    return page;
  }
  async function noSeriousAxe(page: Page) {
    const v = await seriousAxeViolations(page);
    expect(v, JSON.stringify(v)).toEqual([]);
  }
  const composer = (page: Page) => page.locator(".chat-pane .chat-composer textarea");
  const row = (page: Page, text: string) => page.locator(".chat-pane article.chat-msg:not(.pending)", { hasText: text });
  const countInDb = async (body: string) =>
    (await app.testDb.db.select({ id: messages.id }).from(messages).where(and(eq(messages.channelId, generalId), eq(messages.body, body)))).length;

  it("two members exchange messages live, reply in a thread, edit, and the page passes axe", async () => {
    for (let i = 0; i < 12; i++) {
      await app.services.chat.postMessage({ actor: i % 2 ? lead : hu, input: { channelId: generalId, body: `Earlier note ${i}: route **check** at Horgoš`, idempotencyKey: randomUUID() } });
    }
    const a = await pageFor("officer.hu@concordia.test");
    const b = await pageFor("lead@concordia.test");
    await a.goto(`${app.url}/chat/${generalId}`);
    await b.goto(`${app.url}/chat/${generalId}`);
    await expect.poll(() => a.locator('[data-status="online"]').count(), wait).toBe(1);
    await expect.poll(() => b.locator('[data-status="online"]').count(), wait).toBe(1);

    await screenshot(a, "chat-channel-initial");
    await composer(a).fill("Convoy left Subotica at 06:10, two vans");
    await composer(a).press("Enter");
    await expect.poll(() => row(b, "Convoy left Subotica").count(), wait).toBe(1);
    await expect.poll(() => row(a, "Convoy left Subotica").count(), wait).toBe(1);
    expect(await countInDb("Convoy left Subotica at 06:10, two vans")).toBe(1);

    // reading to the end clears the unread count, in the sidebar and the top bar
    await expect.poll(() => a.locator(`[data-channel-id="${generalId}"] .chat-unread-badge`).count(), wait).toBe(0);
    await expect.poll(() => a.getByTestId("chat-unread").count(), wait).toBe(0);
    await screenshot(a, "chat-channel");
    await noSeriousAxe(a);

    // typing shows on the other side
    await composer(b).fill("Ich prüfe");
    await expect.poll(() => a.getByText("Lukas Gruber is typing…").count(), wait).toBe(1);
    await composer(b).fill("");

    // the other member reads German (the lead's language): strings are translated
    await expect.poll(() => b.getByRole("link", { name: "Nachrichten durchsuchen" }).count(), wait).toBe(1);
    expect(await composer(b).getAttribute("placeholder")).toBe("An allgemein schreiben …");
    await screenshot(b, "chat-channel-de");

    // a reply in a thread: the panel opens beside the channel, the root counts the reply live
    await row(b, "Convoy left Subotica").hover();
    await row(b, "Convoy left Subotica").getByRole("button", { name: "Im Thread antworten" }).click();
    const panelB = b.getByTestId("thread-panel");
    await expect.poll(() => panelB.count(), wait).toBe(1);
    await panelB.locator("textarea").fill("Border police at Röszke informed");
    await panelB.locator("textarea").press("Enter");
    await expect.poll(() => panelB.locator("article.chat-msg:not(.pending)", { hasText: "Border police at Röszke" }).count(), wait).toBe(1);
    await expect.poll(() => row(a, "Convoy left Subotica").getByRole("button", { name: /1 reply/ }).count(), wait).toBe(1);
    await row(a, "Convoy left Subotica").getByRole("button", { name: /1 reply/ }).click();
    const panelA = a.getByTestId("thread-panel");
    await expect.poll(() => panelA.locator("article.chat-msg", { hasText: "Border police at Röszke" }).count(), wait).toBe(1);
    await screenshot(a, "chat-thread");
    await noSeriousAxe(a);
    await panelA.locator("textarea").press("Escape");
    await expect.poll(() => panelA.count(), wait).toBe(0);

    // an edit: the other member sees "edited" and can open the earlier version
    await row(a, "Convoy left Subotica").hover();
    await row(a, "Convoy left Subotica").getByRole("button", { name: "Edit message" }).click();
    const edit = row(a, "Convoy left Subotica").getByLabel("Edit your message");
    await edit.fill("Convoy left Subotica at 06:10, three vans");
    await edit.press("Enter");
    await expect.poll(() => row(b, "three vans").locator(".chat-edited").count(), wait).toBe(1);
    expect(await row(b, "three vans").locator(".chat-edited").textContent()).toBe("bearbeitet");
    await row(b, "three vans").locator(".chat-edited").click();
    await expect.poll(() => row(b, "three vans").locator(".chat-versions-panel", { hasText: "two vans" }).count(), wait).toBe(1);
    await screenshot(b, "chat-edited-versions");
  });

  it("finds a message by search and opens it in context, highlighted", async () => {
    // enough later messages that the hit is not on the channel's last page
    await app.services.chat.postMessage({ actor: lead, input: { channelId: generalId, body: "Opening brief: routes and roles", idempotencyKey: randomUUID() } });
    await app.services.chat.postMessage({ actor: lead, input: { channelId: generalId, body: "Hawala broker in Kumanovo paid 4,000 EUR", idempotencyKey: randomUUID() } });
    for (let i = 0; i < 60; i++) await app.services.chat.postMessage({ actor: i % 2 ? lead : hu, input: { channelId: generalId, body: `Routine update ${i}`, idempotencyKey: randomUUID() } });
    const a = await pageFor("officer.hu@concordia.test");
    // the channel opens on its last page only; scrolling up loads the older pages
    await a.goto(`${app.url}/chat/${generalId}`);
    await expect.poll(() => row(a, "Routine update 59").count(), wait).toBe(1);
    expect(await row(a, "Opening brief").count()).toBe(0);
    const timeline = a.locator(".chat-pane .chat-timeline");
    await expect
      .poll(async () => {
        await timeline.evaluate((el) => el.scrollTo(0, 0));
        return a.getByText("This is the beginning of the channel.").count();
      }, wait)
      .toBe(1);
    await expect.poll(() => row(a, "Opening brief").count(), wait).toBe(1);
    await a.goto(`${app.url}/chat/search`);
    await a.getByLabel("Words to find").fill("hawala");
    await a.getByLabel("Channel", { exact: true }).selectOption({ label: "#general · BALKAN ROUTE" });
    await a.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => a.getByTestId("search-hit").count(), wait).toBe(1);
    expect(await a.getByTestId("search-hit").locator("mark").first().textContent()).toMatch(/hawala/i);
    await screenshot(a, "chat-search");
    await noSeriousAxe(a);
    await a.getByTestId("search-hit").getByRole("link", { name: /Open in context/ }).click();
    await expect.poll(() => a.url(), wait).toMatch(/\/chat\/[0-9a-f-]+\?around=\d+/);
    const hit = a.locator("article.chat-msg.highlighted");
    await expect.poll(() => hit.count(), wait).toBe(1);
    expect(await hit.textContent()).toContain("Hawala broker in Kumanovo");
    // the page around the hit, not the last page: the newest message is not loaded yet
    expect(await row(a, "Routine update 59").count()).toBe(0);
    expect(await hit.isVisible()).toBe(true);
    await screenshot(a, "chat-around");
  });

  it("a message written while offline waits, then is delivered exactly once after reconnecting", async () => {
    const a = await pageFor("officer.hu@concordia.test");
    const b = await pageFor("officer.rs@concordia.test");
    await a.goto(`${app.url}/chat/${generalId}`);
    await b.goto(`${app.url}/chat/${generalId}`);
    await expect.poll(() => a.locator('[data-status="online"]').count(), wait).toBe(1);
    await expect.poll(() => b.locator('[data-status="online"]').count(), wait).toBe(1);

    await a.context().setOffline(true);
    await expect.poll(() => a.locator('[data-status="offline"]').count(), wait).toBe(1);
    const body = "Written in the tunnel: vehicle plate NS-123-AB";
    await composer(a).fill(body);
    await composer(a).press("Enter");
    const pendingRow = a.locator("article.chat-msg.pending", { hasText: "NS-123-AB" });
    await expect.poll(() => pendingRow.count(), wait).toBe(1);
    expect(await pendingRow.textContent()).toContain("Waiting for the connection");
    await screenshot(a, "chat-offline-queued");
    expect(await countInDb(body)).toBe(0);

    await a.context().setOffline(false);
    await expect.poll(() => row(b, "NS-123-AB").count(), wait).toBe(1);
    await expect.poll(() => row(a, "NS-123-AB").count(), wait).toBe(1);
    await expect.poll(() => pendingRow.count(), wait).toBe(0);
    expect(await countInDb(body)).toBe(1);
    // and it stays once: no second copy arrives on either side
    await a.reload();
    await expect.poll(() => row(a, "NS-123-AB").count(), wait).toBe(1);
    expect(await row(b, "NS-123-AB").count()).toBe(1);
  });

  it("the lead's pages: start, new conversation, new channel, settings; a reaction; all pass axe", async () => {
    const a = await pageFor("lead@concordia.test");
    await a.goto(`${app.url}/chat`);
    await expect.poll(() => a.getByRole("heading", { name: "Wählen Sie einen Kanal oder eine Unterhaltung" }).count(), wait).toBe(1);
    await screenshot(a, "chat-home-de");
    await noSeriousAxe(a);

    await a.getByRole("link", { name: "Neue Unterhaltung" }).first().click();
    await expect.poll(() => a.getByRole("heading", { name: "Neue Unterhaltung" }).count(), wait).toBe(1);
    await screenshot(a, "chat-new-conversation");
    await noSeriousAxe(a);
    // a direct conversation with one colleague
    await a.locator(".chat-people-list li", { hasText: "Marko Petrović" }).getByRole("button", { name: "Schreiben" }).click();
    await expect.poll(() => a.getByRole("heading", { name: "Marko Petrović" }).count(), wait).toBe(1);
    await composer(a).fill("Marko, can you call me about the Subotica convoy?");
    await composer(a).press("Enter");
    await expect.poll(() => row(a, "Subotica convoy").count(), wait).toBe(1);

    // a reaction on it
    await row(a, "Subotica convoy").hover();
    await row(a, "Subotica convoy").locator(".chat-react-picker summary").click();
    await row(a, "Subotica convoy").getByRole("button", { name: "Mit 👍 reagieren" }).click();
    await expect.poll(() => row(a, "Subotica convoy").locator(".chat-reaction.mine").count(), wait).toBe(1);

    const [op] = await app.testDb.db.select().from(operations).where(eq(operations.codeName, "BALKAN ROUTE"));
    await a.goto(`${app.url}/chat/new-channel?operationId=${op!.id}`);
    await a.getByLabel("Name des Kanals").fill("observation");
    await a.locator(".chat-people-list li", { hasText: "Katalin Szabó" }).getByRole("checkbox").check();
    await screenshot(a, "chat-new-channel");
    await noSeriousAxe(a);
    await a.getByRole("button", { name: "Kanal anlegen" }).click();
    await expect.poll(() => a.getByRole("heading", { name: "observation" }).count(), wait).toBe(1);
    // @mention autocomplete offers the channel's members only
    await composer(a).pressSequentially("Bitte @Kat");
    const option = a.getByRole("option", { name: /Katalin Szabó/ });
    await expect.poll(() => option.count(), wait).toBe(1);
    await composer(a).press("Enter");
    expect(await composer(a).inputValue()).toBe("Bitte @Katalin Szabó ");
    await composer(a).pressSequentially("übernimm die Observation");
    await composer(a).press("Enter");
    await expect.poll(() => row(a, "übernimm die Observation").locator("strong", { hasText: "@Katalin Szabó" }).count(), wait).toBe(1);
    const [mentioned] = await app.testDb.db.select().from(messages).where(eq(messages.body, "Bitte @Katalin Szabó übernimm die Observation"));
    expect(mentioned!.mentions).toEqual([hu.id]);
    await a.getByRole("link", { name: "Kanaleinstellungen" }).click();
    await expect.poll(() => a.getByRole("heading", { name: "Einstellungen von #observation" }).count(), wait).toBe(1);
    await screenshot(a, "chat-settings");
    await noSeriousAxe(a);
  });
});
