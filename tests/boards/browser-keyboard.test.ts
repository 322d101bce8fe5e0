// The board without a mouse: a card moved with the keyboard (and announced to screen
// readers), a label renamed, columns reordered with buttons, a member @mentioned
// from the comment box with the arrow keys; a long column loaded in part.
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/domain/context";
import { notifications, operations, users } from "../../db/schema/index";
import { DEMO_PASSWORD } from "../../app/server/seed";
import { CARDS_PER_COLUMN } from "../../app/components/board/card-face";
import { actorOf } from "../factories/index";
import { startTestApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, screenshot, seriousAxeViolations, signIn, SKIP_REASON } from "../browser/browser";

// a loaded machine is slow, not wrong: polls wait instead of sleeping
const wait = { timeout: 15_000 };

describe.skipIf(!hasChromium)(`browser: the board by keyboard ${hasChromium ? "" : SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;
  let opId: string;
  let hu: Actor;
  let lead: Actor;
  beforeAll(async () => {
    app = await startTestApp({ seed: true });
    browser = await launchBrowser();
    const db = app.testDb.db;
    const [op] = await db.select().from(operations).where(eq(operations.codeName, "BALKAN ROUTE"));
    opId = op!.id;
    const actorBy = async (email: string) => actorOf(db, (await db.select().from(users).where(eq(users.email, email)))[0]!.id);
    hu = await actorBy("officer.hu@concordia.test");
    lead = await actorBy("lead@concordia.test");
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
  const columnsNow = async () => (await app.services.boards.getBoard({ actor: lead, operationId: opId })).columns;
  const columnEl = (page: Page, id: string) => page.locator(`[data-column-id="${id}"]`);

  it("moves a card to the next column with Space and the arrow keys, announces it, and it stays there after a reload", async () => {
    const columns = await columnsNow();
    const backlog = columns.find((c) => c.preset === "backlog")!;
    const todo = columns.find((c) => c.preset === "todo")!;
    const card = await app.services.boards.createTask({ actor: hu, operationId: opId, input: { title: "Trace the Subotica taxi bookings", columnId: backlog.id } });

    const page = await pageFor("officer.hu@concordia.test");
    await page.goto(`${app.url}/operations/${opId}/board`);
    const handle = columnEl(page, backlog.id).getByRole("button", { name: "Drag “Trace the Subotica taxi bookings”" });
    await expect.poll(() => handle.count(), wait).toBe(1);
    await expect.poll(() => page.locator('[id^="DndLiveRegion"]').count(), wait).toBe(1);
    // every announcement the live region makes, in order (each replaces the one before)
    await page.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      const region = document.querySelector('[id^="DndLiveRegion"]')!;
      new MutationObserver(() => {
        const text = region.textContent ?? "";
        if (text && said[said.length - 1] !== text) said.push(text);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);
    await handle.focus();
    await page.keyboard.press("Space");
    await expect.poll(said, wait).toContain("Picked up “Trace the Subotica taxi bookings” in Backlog, position 1.");
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await said()).some((s) => s.startsWith("“Trace the Subotica taxi bookings” is over To do")), wait).toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(async () => (await said()).at(-1), wait).toMatch(/^Dropped “Trace the Subotica taxi bookings” in To do, position \d+\.$/);
    await expect.poll(async () => (await app.services.boards.getTask({ actor: hu, input: { taskId: card.id } })).task.columnId, wait).toBe(todo.id);

    await page.reload();
    await expect.poll(() => columnEl(page, todo.id).locator('[data-testid="task-card"]', { hasText: "Subotica taxi" }).count(), wait).toBe(1);
    expect(await columnEl(page, backlog.id).locator('[data-testid="task-card"]', { hasText: "Subotica taxi" }).count()).toBe(0);
    await page.context().close();
  });

  it("renames and recolours a label from the board's label settings; every card shows the new name", async () => {
    const label = await app.services.boards.createLabel({ actor: hu, operationId: opId, input: { name: "Hawala", colour: "amber" } });
    await app.services.boards.createTask({ actor: hu, operationId: opId, input: { title: "Map the hawala brokers in Skopje", labelIds: [label.id] } });
    const page = await pageFor("officer.hu@concordia.test");
    await page.goto(`${app.url}/operations/${opId}/board`);
    const manager = page.getByTestId("label-manager");
    await manager.locator("summary", { hasText: "Labels" }).click();
    await manager.locator('summary[aria-label="Edit the label “Hawala”"]').click();
    const row = manager.locator(`[data-label-id="${label.id}"]`);
    await row.getByLabel("Label name").fill("Hawala network");
    await row.getByLabel("Colour").selectOption("violet");
    await screenshot(page, "board-label-settings");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await row.getByRole("button", { name: "Save" }).click();
    const chip = page.locator('[data-testid="task-card"]', { hasText: "hawala brokers" }).locator(".label-chip");
    await expect.poll(() => chip.textContent(), wait).toBe("Hawala network");
    expect(await chip.getAttribute("class")).toContain("lc-violet");
    const board = await app.services.boards.getBoard({ actor: hu, operationId: opId });
    expect(board.labels.find((l) => l.id === label.id)).toEqual({ id: label.id, name: "Hawala network", colour: "violet" });
    // members may rename; deleting is the lead's
    await manager.locator('summary[aria-label="Edit the label “Hawala network”"]').click();
    expect(await manager.getByRole("button", { name: "Delete “Hawala network”" }).count()).toBe(0);
    await page.context().close();
  });

  it("the operation lead moves a column right and left with the keyboard", async () => {
    const before = await columnsNow();
    const [first, second] = before;
    // the lead reads in German
    const page = await pageFor("lead@concordia.test");
    await page.goto(`${app.url}/operations/${opId}/board`);
    const headings = () => page.locator(".board-column-head h2").allTextContents();
    await expect.poll(headings, wait).toEqual(["Backlog", "Zu erledigen", "In Arbeit", "Blockiert", "Erledigt"].slice(0, before.length));
    const settings = columnEl(page, first!.id).locator(".column-settings summary");
    await settings.focus();
    await page.keyboard.press("Enter");
    const right = page.getByRole("button", { name: "Backlog nach rechts verschieben" });
    await expect.poll(() => right.isVisible(), wait).toBe(true);
    await screenshot(page, "board-column-order");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await right.focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await columnsNow()).map((c) => c.id).slice(0, 2), wait).toEqual([second!.id, first!.id]);
    await expect.poll(async () => (await headings()).slice(0, 2), wait).toEqual(["Zu erledigen", "Backlog"]);

    await page.reload();
    const left = page.getByRole("button", { name: "Backlog nach links verschieben" });
    await columnEl(page, first!.id).locator(".column-settings summary").click();
    await left.focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await columnsNow()).map((c) => c.id), wait).toEqual(before.map((c) => c.id));
    await page.context().close();
  });

  it("offers the operation's members after @ in the comment box; arrows and Enter mention one, who is told", async () => {
    const card = await app.services.boards.createTask({ actor: hu, operationId: opId, input: { title: "Check the Gevgelija hotel registers" } });
    const page = await pageFor("officer.hu@concordia.test");
    await page.goto(`${app.url}/operations/${opId}/board/${card.id}`);
    const box = page.getByLabel("Add a comment");
    await box.click();
    await box.pressSequentially("Can you take this, @e");
    const list = page.getByRole("listbox", { name: "Members to mention" });
    await expect.poll(() => list.count(), wait).toBe(1);
    const names = await list.getByRole("option").allTextContents();
    // members only: Elena (MK) is one; the NGO partner and people outside the operation are not offered
    expect(names.some((n) => n.startsWith("Elena Stojanovska"))).toBe(true);
    expect(names.some((n) => n.startsWith("Sara"))).toBe(false);
    const target = names.findIndex((n) => n.startsWith("Elena Stojanovska"));
    for (let i = 0; i < target; i++) await box.press("ArrowDown");
    const activeId = await box.getAttribute("aria-activedescendant");
    expect(activeId).toBeTruthy();
    expect(await page.locator(`[id="${activeId}"]`).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator(`[id="${activeId}"]`).textContent()).toContain("Elena Stojanovska");
    await screenshot(page, "task-mention-autocomplete");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await box.press("Enter");
    await expect.poll(() => list.count(), wait).toBe(0);
    expect(await box.inputValue()).toBe("Can you take this, @Elena Stojanovska ");
    expect(await box.getAttribute("aria-activedescendant")).toBeNull();
    await box.pressSequentially("by Friday?");
    expect(await page.getByRole("checkbox", { name: "@Elena Stojanovska" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Post comment" }).click();

    const [elena] = await app.testDb.db.select().from(users).where(eq(users.email, "prosecutor.mk@concordia.test"));
    await expect.poll(async () => (await app.services.boards.getTask({ actor: hu, input: { taskId: card.id } })).task.comments.length, wait).toBe(1);
    const { task } = await app.services.boards.getTask({ actor: hu, input: { taskId: card.id } });
    expect(task.comments[0]).toMatchObject({ body: "Can you take this, @Elena Stojanovska by Friday?", mentions: [elena!.id] });
    const told = await app.testDb.db.select().from(notifications).where(eq(notifications.userId, elena!.id));
    expect(told.some((n) => n.kind === "task_mentioned" && n.subjectId === card.id)).toBe(true);

    // Escape closes the list without inserting anything. The comment form is
    // re-created once the page shows the new comment: wait for that first, or
    // the keystrokes land in the form that is about to be replaced.
    await expect.poll(() => page.locator("li.comment").count(), wait).toBe(1);
    const again = page.getByLabel("Add a comment");
    await expect.poll(() => again.inputValue(), wait).toBe("");
    await again.click();
    await again.pressSequentially("@ma");
    await expect.poll(() => page.getByRole("listbox").count(), wait).toBe(1);
    await again.press("Escape");
    await expect.poll(() => page.getByRole("listbox").count(), wait).toBe(0);
    expect(await again.inputValue()).toBe("@ma");
    await page.context().close();
  });
  it("shows the first cards of a long column, takes in a card arriving live, and loads the rest on demand", async () => {
    const blocked = (await columnsNow()).find((c) => c.preset === "blocked")!;
    for (let i = blocked.taskCount; i < CARDS_PER_COLUMN + 2; i++)
      await app.services.boards.createTask({ actor: hu, operationId: opId, input: { title: `Waiting for the bank, file ${i + 1}`, columnId: blocked.id } });
    const page = await pageFor("officer.hu@concordia.test");
    await page.goto(`${app.url}/operations/${opId}/board`);
    const column = columnEl(page, blocked.id);
    const cards = column.locator('[data-testid="task-card"]');
    await expect.poll(() => cards.count(), wait).toBe(CARDS_PER_COLUMN);
    await expect.poll(() => column.getByRole("link", { name: "Show 2 more cards" }).count(), wait).toBe(1);
    // the count is the whole column's
    expect(await column.locator(".wip").textContent()).toBe(String(CARDS_PER_COLUMN + 2));

    // another member puts a card on top of the column: it arrives live, and the link counts the one it pushed out
    await expect.poll(() => page.locator('[data-status="online"]').count(), wait).toBe(1);
    const arriving = await app.services.boards.createTask({ actor: lead, operationId: opId, input: { title: "Court order expires on Friday" } });
    const putOnTop = async () => {
      const { task } = await app.services.boards.getTask({ actor: lead, input: { taskId: arriving.id } });
      await app.services.boards.moveTask({ actor: lead, operationId: opId, input: { taskId: arriving.id, toColumnId: blocked.id, position: 0, version: task.version } });
    };
    await putOnTop();
    // the page joins the operation's room after connecting: until it has heard of a change,
    // the card is put on top again (the same place), so a change it does hear follows
    await expect
      .poll(async () => {
        const top = await cards.first().locator(".task-card-title").textContent();
        if (top !== "Court order expires on Friday") await putOnTop();
        return top;
      }, { timeout: 15_000, interval: 500 })
      .toBe("Court order expires on Friday");
    await expect.poll(() => column.getByRole("link", { name: "Show 3 more cards" }).count(), wait).toBe(1);
    expect(await cards.count()).toBe(CARDS_PER_COLUMN);
    await expect.poll(() => column.locator(".wip").textContent(), wait).toBe(String(CARDS_PER_COLUMN + 3));

    await column.getByRole("link", { name: "Show 3 more cards" }).click();
    await expect.poll(() => cards.count(), wait).toBe(CARDS_PER_COLUMN + 3);
    expect(new URL(page.url()).searchParams.getAll("cards")).toEqual([blocked.id]);
    expect(await column.getByRole("link", { name: /more card/ }).count()).toBe(0);
    await page.context().close();
  });
});
