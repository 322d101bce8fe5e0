// The board page loads the first cards of each column and the rest on demand, as a
// plain link (?cards=<column>) that works without JavaScript.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tasks } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import { CARDS_PER_COLUMN, type BoardPageData } from "../../app/components/board/card-face";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import { createBoardFixture, type BoardFixture } from "./factories";
import type { TestServices } from "../setup/services";

let app: TestApp;
let f: BoardFixture;
let backlog: string;
let todo: string;
const titles: string[] = [];
const EXTRA = 3;
const as = async (a: Actor) => {
  const [u] = await app.testDb.db.query.users.findMany({ where: (x, { eq }) => eq(x.id, a.id!) });
  return client(app, await signInCookie(app, u!.email));
};
const boardPath = () => `/operations/${f.operationId}/board`;
const dataOf = async (http: Awaited<ReturnType<typeof as>>, search = "") =>
  ((await (await http(`${boardPath()}${search}${search ? "&" : "?"}_data=${encodeURIComponent("routes/operations.$id.board")}`)).json()) as { board: BoardPageData }).board;
const cardsIn = (html: string) => titles.filter((t) => html.includes(`>${t}</a>`));

beforeAll(async () => {
  app = await startTestApp();
  f = await createBoardFixture({ testDb: app.testDb, services: app.services } as unknown as TestServices);
  const board = await app.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });
  backlog = board.columns.find((c) => c.preset === "backlog")!.id;
  todo = board.columns.find((c) => c.preset === "todo")!.id;
  await app.services.boards.updateColumn({ actor: f.lead, operationId: f.operationId, input: { columnId: backlog, wipLimit: 10 } });
  for (let i = 1; i <= CARDS_PER_COLUMN + EXTRA; i++) {
    const title = `Backlog card ${String(i).padStart(2, "0")}`;
    titles.push(title);
    await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { columnId: backlog, title, assigneeIds: i === 1 ? [f.foreign.id!] : [] } });
  }
  await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { columnId: todo, title: "The only card to do" } });
});
afterAll(() => app?.close());

describe("board columns loaded in part", () => {
  it("renders the first cards of a long column, a link to the rest, and the WIP count of the whole column", async () => {
    const http = await as(f.member);
    const html = await (await http(boardPath())).text();
    expect(cardsIn(html)).toEqual(titles.slice(0, CARDS_PER_COLUMN));
    expect(html).toContain("The only card to do");
    expect(html).toContain(`href="${boardPath()}?cards=${backlog}"`);
    expect(html).toContain(`Show ${EXTRA} more cards`);
    // the limit counts every card of the column, not the ones loaded
    expect(html).toContain(`>${CARDS_PER_COLUMN + EXTRA}/10<`);
    expect(html).toContain("WIP limit exceeded");

    // the page data carries the first cards, slim: people and labels by id
    const data = await dataOf(http);
    expect(data.tasks.filter((t) => t.columnId === backlog)).toHaveLength(CARDS_PER_COLUMN);
    expect(data.columns.find((c) => c.id === backlog)).toMatchObject({ taskCount: CARDS_PER_COLUMN + EXTRA, matchCount: CARDS_PER_COLUMN + EXTRA, complete: false, overWipLimit: true });
    expect(data.columns.find((c) => c.id === todo)).toMatchObject({ taskCount: 1, complete: true });
    const first = data.tasks.find((t) => t.title === titles[0])!;
    expect(first).toMatchObject({ assigneeIds: [f.foreign.id], labelIds: [] });
    expect(first).not.toHaveProperty("description");
    expect(data.members.map((m) => m.id)).toContain(f.foreign.id);
  });

  it("loads the rest of a column from the link, keeping the filters, and every column with ?cards=all", async () => {
    const http = await as(f.member);
    const more = await (await http(`${boardPath()}?cards=${backlog}`)).text();
    expect(cardsIn(more)).toEqual(titles);
    expect(more).not.toContain("more cards");
    expect(cardsIn(await (await http(`${boardPath()}?cards=all`)).text())).toEqual(titles);
    // a malformed column id loads nothing more, and fails nothing
    const bad = await http(`${boardPath()}?cards=nope`);
    expect(bad.status).toBe(200);
    expect(cardsIn(await bad.text())).toHaveLength(CARDS_PER_COLUMN);

    // filtered: the counts are of the matching cards
    const filtered = await (await http(`${boardPath()}?q=${encodeURIComponent("Backlog card 0")}`)).text();
    expect(cardsIn(filtered)).toEqual(titles.slice(0, 9));
    expect(filtered).toContain("9 cards match the filters");
    const wide = await (await http(`${boardPath()}?q=${encodeURIComponent("Backlog card")}`)).text();
    expect(wide).toContain(`${CARDS_PER_COLUMN + EXTRA} cards match the filters`);
    expect(wide).toContain(`href="${boardPath()}?q=Backlog+card&amp;cards=${backlog}"`);
    expect(cardsIn(await (await http(`${boardPath()}?q=Backlog+card&cards=${backlog}`)).text())).toEqual(titles);
  });

  it("shows a card moved to the top of a partly loaded column, and counts the one it pushes out", async () => {
    const http = await as(f.member);
    const last = titles.at(-1)!;
    const [row] = await app.testDb.db.select().from(tasks).where(eq(tasks.title, last));
    await app.services.boards.moveTask({ actor: f.lead, operationId: f.operationId, input: { taskId: row!.id, toColumnId: backlog, position: 0, version: row!.version } });
    const html = await (await http(boardPath())).text();
    expect(cardsIn(html)).toEqual([last, ...titles.slice(0, CARDS_PER_COLUMN - 1)].sort());
    expect(html.indexOf(`>${last}</a>`)).toBeLessThan(html.indexOf(`>${titles[0]}</a>`));
    expect(html).toContain(`Show ${EXTRA} more cards`);

    // a card arriving from another column: the column's count and the link follow
    const [other] = await app.testDb.db.select().from(tasks).where(eq(tasks.title, "The only card to do"));
    await app.services.boards.moveTask({ actor: f.lead, operationId: f.operationId, input: { taskId: other!.id, toColumnId: backlog, version: other!.version } });
    const after = await (await http(boardPath())).text();
    expect(after).toContain(`Show ${EXTRA + 1} more cards`);
    expect(after).toContain(`>${CARDS_PER_COLUMN + EXTRA + 1}/10<`);
  });

  it("gives swimlanes every card", async () => {
    const http = await as(f.member);
    const data = await dataOf(http, "?lane=priority");
    expect(data.tasks.filter((t) => t.columnId === backlog)).toHaveLength(CARDS_PER_COLUMN + EXTRA + 1);
    expect(data.columns.every((c) => c.complete)).toBe(true);
  });
  it("moves a card from its panel without JavaScript (the cards carry no move form), and refuses a stale version with 409", async () => {
    const http = await as(f.member);
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { columnId: todo, title: "Serve the production order" } });
    const board = await (await http(boardPath())).text();
    expect(board).not.toContain('name="toColumnId"');
    const panel = await (await http(`${boardPath()}/${task.id}`)).text();
    expect(panel).toContain('<select id="move-column" name="toColumnId"');
    const res = await http(`${boardPath()}/${task.id}?cards=${backlog}`, { method: "POST", form: { intent: "move", toColumnId: backlog, version: String(task.version) } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${boardPath()}/${task.id}?cards=${backlog}`);
    const [row] = await app.testDb.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ columnId: backlog, version: task.version + 1 });
    const stale = await http(`${boardPath()}/${task.id}`, { method: "POST", form: { intent: "move", toColumnId: todo, version: String(task.version) } });
    expect(stale.status).toBe(409);
    const [after] = await app.testDb.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(after!.columnId).toBe(backlog);
  });
});
