// Two people on the same board in two browsers: one creates and drags a card, the other
// sees it arrive without reloading; a stale edit is shown as a conflict; axe stays clean.
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations, users } from "../../db/schema/index";
import { DEMO_PASSWORD } from "../../app/server/seed";
import { actorOf } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "../browser/browser";

// a loaded machine is slow, not wrong: polls wait for the live update instead of sleeping
const wait = { timeout: 15_000 };

describe.skipIf(!hasChromium)(`browser: the live task board ${hasChromium ? "" : SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;
  let opId: string;
  beforeAll(async () => {
    app = await startTestApp({ seed: true });
    browser = await launchBrowser();
    const [op] = await app.testDb.db.select().from(operations).where(eq(operations.codeName, "BALKAN ROUTE"));
    opId = op!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function pageFor(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, app.url, email, DEMO_PASSWORD);
    return page;
  }
  const column = (page: Page, preset: string, columns: { id: string; preset: string | null }[]) =>
    page.locator(`[data-column-id="${columns.find((c) => c.preset === preset)!.id}"]`);

  it("creates a card, drags it to another column and the other member sees it move live", async () => {
    const [leadRow] = await app.testDb.db.select().from(users).where(eq(users.email, "lead@concordia.test"));
    const lead = await actorOf(app.testDb.db, leadRow!.id);
    const { columns } = await app.services.boards.getBoard({ actor: lead, operationId: opId });

    const hu = await pageFor("officer.hu@concordia.test");
    const boss = await pageFor("lead@concordia.test");
    await hu.goto(`${app.url}/operations/${opId}/board`);
    await boss.goto(`${app.url}/operations/${opId}/board`);
    // the lead reads in German: default columns are translated per reader
    await expect.poll(() => boss.getByRole("heading", { name: "Zu erledigen" }).count(), wait).toBe(1);

    const backlog = column(hu, "backlog", columns);
    await backlog.locator("summary", { hasText: "Add a card" }).click();
    await backlog.getByLabel("Title").fill("Check the Röszke crossing logs");
    await backlog.getByLabel("Priority").selectOption("high");
    await backlog.getByRole("button", { name: "Create card" }).click();
    const card = hu.locator('[data-testid="task-card"]', { hasText: "Check the Röszke crossing logs" });
    await expect.poll(() => backlog.locator('[data-testid="task-card"]', { hasText: "Röszke" }).count(), wait).toBe(1);
    // the other member's board picks the new card up from the socket, without a reload
    await expect.poll(() => column(boss, "backlog", columns).locator('[data-testid="task-card"]', { hasText: "Röszke" }).count(), { timeout: 15_000 }).toBe(1);

    // drag by the handle into "To do"
    const handle = card.getByRole("button", { name: /Drag/ });
    const target = column(hu, "todo", columns).locator(".task-list");
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await hu.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await hu.mouse.down();
    await hu.mouse.move(from.x + 20, from.y + 10, { steps: 5 });
    await hu.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 15 });
    await hu.mouse.up();
    await expect.poll(() => column(hu, "todo", columns).locator('[data-testid="task-card"]', { hasText: "Röszke" }).count(), wait).toBe(1);
    await expect.poll(() => column(boss, "todo", columns).locator('[data-testid="task-card"]', { hasText: "Röszke" }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => column(boss, "backlog", columns).locator('[data-testid="task-card"]', { hasText: "Röszke" }).count(), wait).toBe(0);
    const board = await app.services.boards.getBoard({ actor: lead, operationId: opId });
    expect(board.tasks.find((t) => t.title.includes("Röszke"))!.columnId).toBe(columns.find((c) => c.preset === "todo")!.id);

    await screenshot(hu, "board");
    await screenshot(boss, "board-de");
    expect(await seriousAxeViolations(hu)).toEqual([]);

    // a stale edit: the card changes under an open edit form
    await card.getByRole("link", { name: /Röszke/ }).click();
    const panel = hu.getByTestId("task-panel");
    await expect.poll(() => panel.count(), wait).toBe(1);
    await panel.locator("summary", { hasText: "Edit card" }).click();
    // the other member's board shows who has the card open
    await expect.poll(() => boss.getByText("Katalin Szabó bearbeitet gerade").count(), wait).toBe(1);
    const task = board.tasks.find((t) => t.title.includes("Röszke"))!;
    await app.services.boards.updateTask({ actor: lead, operationId: opId, input: { taskId: task.id, version: task.version, title: "Röszke crossing logs (2024–2025)" } });
    // the live reload reaches the open panel first: its heading shows the other member's
    // title, while the open form keeps the version it was opened at (so saving conflicts)
    await expect.poll(() => panel.locator("#task-panel-title").textContent(), wait).toBe("Röszke crossing logs (2024–2025)");
    expect(await panel.getByLabel("Title").inputValue()).toBe("Check the Röszke crossing logs");
    await panel.getByLabel("Title").fill("Check the Röszke logs, lane 3");
    await panel.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => hu.getByTestId("stale-notice").count(), { timeout: 15_000 }).toBe(1);
    const notice = await hu.getByTestId("stale-notice").textContent();
    expect(notice).toContain("Someone changed this card since you opened it");
    expect(notice).toContain("Röszke crossing logs (2024–2025)");
    expect(notice).toContain("Check the Röszke logs, lane 3");
    await screenshot(hu, "board-stale-edit");
    // re-apply: the form already carries the newest version
    await hu.getByRole("button", { name: "Save my values again" }).click();
    await expect.poll(async () => (await app.services.boards.getTask({ actor: lead, input: { taskId: task.id } })).task.title, wait).toBe("Check the Röszke logs, lane 3");
    expect(await seriousAxeViolations(hu)).toEqual([]);
    await hu.getByRole("heading", { name: "History" }).scrollIntoViewIfNeeded();
    await hu.screenshot({ path: "tests/browser/screenshots/task-panel-history.png" });
    // the operation lead's column settings
    await column(boss, "backlog", columns).locator(".column-settings summary").click();
    await screenshot(boss, "board-column-settings");
    expect(await seriousAxeViolations(boss)).toEqual([]);
    // the office lead's workload and the officer's own list
    await boss.goto(`${app.url}/workload`);
    await expect.poll(() => boss.locator("h1").textContent(), wait).toBe("Auslastung");
    await screenshot(boss, "workload-de");
    expect(await seriousAxeViolations(boss)).toEqual([]);
    await hu.goto(`${app.url}/tasks`);
    await screenshot(hu, "my-tasks");
    expect(await seriousAxeViolations(hu)).toEqual([]);
    await hu.context().close();
    await boss.context().close();
  });
});
