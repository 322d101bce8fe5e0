// The board over plain HTTP forms, as a browser without JavaScript uses it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, tasks, users } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import { client, signInCookie, startTestApp, type TestApp } from "../setup/app";
import { auditCount, createBoardFixture, taskCount, type BoardFixture } from "./factories";
import type { TestServices } from "../setup/services";

let app: TestApp;
let f: BoardFixture;
const db = () => app.testDb.db;
const emailOf = async (a: Actor) => (await db().query.users.findFirst({ where: (u, { eq }) => eq(u.id, a.id!) }))!.email;
const as = async (a: Actor) => client(app, await signInCookie(app, await emailOf(a)));

beforeAll(async () => {
  app = await startTestApp();
  // the fixture builder only needs the db and the services
  f = await createBoardFixture({ testDb: app.testDb, services: app.services } as unknown as TestServices);
});
afterAll(() => app?.close());

const boardPath = () => `/operations/${f.operationId}/board`;
const columns = async () => {
  const board = await app.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });
  return Object.fromEntries(board.columns.map((c) => [c.preset!, c.id])) as Record<string, string>;
};

describe("board over HTTP", () => {
  it("shows the default columns in the reader's language, with the cards", async () => {
    const http = await as(f.member);
    await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Check the ferry manifests", priority: "urgent", handlingCode: "H2" } });
    const res = await http(boardPath());
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const name of ["Backlog", "To do", "In progress", "Blocked", "Done"]) expect(html).toContain(`>${name}</h2>`);
    expect(html).toContain("Check the ferry manifests");
    expect(html).toContain("Urgent");
    expect(html).toContain(">H2<");
  });

  it("creates a card from the column's form, assigned and due in the reader's zone, and notifies the assignee", async () => {
    const http = await as(f.member);
    const cols = await columns();
    const res = await http(boardPath(), {
      method: "POST",
      form: { intent: "create", columnId: cols.todo!, title: "Interview the driver", priority: "high", dueAt: "2031-01-15T09:30", assigneeIds: f.foreign.id! },
    });
    expect(res.status).toBe(302);
    const [row] = await db().select().from(tasks).where(eq(tasks.title, "Interview the driver"));
    expect(row).toMatchObject({ columnId: cols.todo, priority: "high" });
    // the test users read in UTC unless set otherwise
    expect(row!.dueAt!.toISOString()).toBe("2031-01-15T09:30:00.000Z");
    const notes = await db().select().from(notifications).where(eq(notifications.subjectId, row!.id));
    expect(notes.map((n) => [n.userId, n.kind, n.data])).toEqual([[f.foreign.id, "task_assigned", { title: "Interview the driver" }]]);
  });

  it("reads local times in the reader's own zone, summer and winter, and saves a planned action from the form", async () => {
    await db().update(users).set({ timeZone: "Europe/Vienna" }).where(eq(users.id, f.foreign.id!));
    const http = await as(f.foreign);
    const task = await app.services.boards.createTask({ actor: f.foreign, operationId: f.operationId, input: { title: "Search the warehouse" } });
    const res = await http(`${boardPath()}/${task.id}`, {
      method: "POST",
      form: {
        intent: "update", version: "1", title: "Search the warehouse", description: "", priority: "urgent", handlingCode: "H3", dueAt: "2031-01-15T10:00",
        type: "planned_action", kind: "search", latitude: "47.4979", longitude: "19.0402", radiusM: "300", address: "Budapest", windowStart: "2031-07-01T05:30", windowEnd: "2031-07-01T09:00",
      },
    });
    expect(res.status).toBe(302);
    const [row] = await db().select().from(tasks).where(eq(tasks.id, task.id));
    // CET in January (+01:00), CEST in July (+02:00)
    expect(row!.dueAt!.toISOString()).toBe("2031-01-15T09:00:00.000Z");
    expect(row!.windowStart!.toISOString()).toBe("2031-07-01T03:30:00.000Z");
    expect(row).toMatchObject({ type: "planned_action", actionKind: "search", placeRadiusM: 300, handlingCode: "H3" });
    const bad = await http(`${boardPath()}/${task.id}`, {
      method: "POST",
      form: { intent: "update", version: "2", title: "Search the warehouse", description: "", priority: "urgent", handlingCode: "H3", dueAt: "", type: "planned_action", kind: "search", latitude: "", longitude: "19", radiusM: "300", windowStart: "2031-07-01T09:00", windowEnd: "2031-07-01T05:00" },
    });
    expect(bad.status).toBe(400);
    const [unchanged] = await db().select().from(tasks).where(eq(tasks.id, task.id));
    expect(unchanged!.version).toBe(2);
  });

  it("filters from the URL and groups swimlanes; a malformed filter narrows nothing rather than failing", async () => {
    const http = await as(f.member);
    await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Lane card for Ana", assigneeIds: [f.foreign.id!], priority: "low" } });
    const lanes = await (await http(`${boardPath()}?lane=assignee`)).text();
    expect(lanes).toContain('class="lane-title"');
    expect(lanes).toContain("Ana Foreign (RS)");
    expect(lanes).toContain("Unassigned");
    const filtered = await (await http(`${boardPath()}?priority=low&q=Lane`)).text();
    expect(filtered).toContain("Lane card for Ana");
    expect(filtered).not.toContain("Check the ferry manifests");
    const malformed = await http(`${boardPath()}?priority=extreme&agencyId=nope&country=xx`);
    expect(malformed.status).toBe(200);
    expect(await malformed.text()).toContain("Check the ferry manifests");
  });

  it("refuses bad input with 400 and field errors, writing nothing", async () => {
    const http = await as(f.member);
    const before = [await taskCount(db()), await auditCount(db())];
    const res = await http(boardPath(), { method: "POST", form: { intent: "create", title: "   ", dueAt: "2031-02-30T10:00" } });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect([await taskCount(db()), await auditCount(db())]).toEqual(before);
  });

  it("edits a card with the version the user saw and answers a stale version with 409 and the conflict", async () => {
    const http = await as(f.member);
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Trace the payments" } });
    const path = `${boardPath()}/${task.id}`;
    const form = (over: Record<string, string>) => ({ intent: "update", version: "1", title: "Trace the payments", description: "", priority: "normal", handlingCode: "H0", type: "general", dueAt: "", ...over });
    const ok = await http(path, { method: "POST", form: form({ title: "Trace the Western Union payments", description: "<script>alert(1)</script> see https://example.org" }) });
    expect(ok.status).toBe(302);
    const page = await (await http(path)).text();
    expect(page).toContain("Trace the Western Union payments");
    // markdown without raw HTML; links marked noopener
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;");
    expect(page).toContain('rel="noopener noreferrer"');
    expect(page).toContain("edited the card");

    const stale = await http(path, { method: "POST", form: form({ title: "My older idea" }) });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Someone changed this card since you opened it");
    expect(html).toContain("My older idea");
    // the re-apply form carries the newest version
    expect(html).toMatch(/name="version" value="2"/);
    const [row] = await db().select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ title: "Trace the Western Union payments", version: 2 });
  });

  it("moves a card with the no-JavaScript form and refuses a stale move with 409", async () => {
    const http = await as(f.member);
    const cols = await columns();
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Seize the van" } });
    const res = await http(boardPath(), { method: "POST", form: { intent: "move", taskId: task.id, toColumnId: cols.in_progress!, version: "1" } });
    expect(res.status).toBe(200);
    const [row] = await db().select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ columnId: cols.in_progress, version: 2 });
    const stale = await http(boardPath(), { method: "POST", form: { intent: "move", taskId: task.id, toColumnId: cols.done!, version: "1" } });
    expect(stale.status).toBe(409);
    const [after] = await db().select().from(tasks).where(eq(tasks.id, task.id));
    expect(after!.columnId).toBe(cols.in_progress);
  });

  it("adds checklist items and comments with mentions, which notify", async () => {
    const http = await as(f.member);
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Brief the prosecutor" } });
    const path = `${boardPath()}/${task.id}`;
    expect((await http(path, { method: "POST", form: { intent: "checklist_add", text: "Prepare the file" } })).status).toBe(302);
    expect((await http(path, { method: "POST", form: { intent: "comment", body: "Please join", mentions: f.lead.id! } })).status).toBe(302);
    const detail = await app.services.boards.getTask({ actor: f.member, input: { taskId: task.id } });
    expect(detail.task.checklist).toEqual({ done: 0, total: 1 });
    expect(detail.task.comments.map((c) => [c.body, c.mentions])).toEqual([["Please join", [f.lead.id]]]);
    const notes = await db().select().from(notifications).where(eq(notifications.subjectId, task.id));
    expect(notes.map((n) => [n.userId, n.kind])).toEqual([[f.lead.id, "task_mentioned"]]);
    const bad = await http(path, { method: "POST", form: { intent: "comment", body: "x", mentions: f.outsider.id! } });
    expect(bad.status).toBe(400);
    const commentId = detail.task.comments[0]!.id;
    expect((await http(path, { method: "POST", form: { intent: "comment_edit", commentId, body: "Please join at 10:00", mentions: f.lead.id! } })).status).toBe(302);
    // someone else's comment is refused
    const other = await as(f.foreign);
    expect((await other(path, { method: "POST", form: { intent: "comment_edit", commentId, body: "hijacked" } })).status).toBe(403);
    const after = await app.services.boards.getTask({ actor: f.member, input: { taskId: task.id } });
    expect(after.task.comments[0]).toMatchObject({ body: "Please join at 10:00", edited: true });
  });

  it("answers a non-member with 404 on the board and on a guessed task id, and refuses an observer's writes", async () => {
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Secret lead" } });
    const outsider = await as(f.outsider);
    expect((await outsider(boardPath())).status).toBe(404);
    const guessed = await outsider(`${boardPath()}/${task.id}`);
    expect(guessed.status).toBe(404);
    expect(await guessed.text()).not.toContain("Secret lead");
    expect((await outsider(`${boardPath()}/${task.id}`, { method: "POST", form: { intent: "checklist_add", text: "x" } })).status).toBe(404);
    expect((await outsider(boardPath(), { method: "POST", form: { intent: "create", title: "x" } })).status).toBe(404);

    const observer = await as(f.observer);
    const page = await observer(boardPath());
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("read-only");
    const before = await taskCount(db());
    expect((await observer(boardPath(), { method: "POST", form: { intent: "create", title: "Observer's card" } })).status).toBe(403);
    expect(await taskCount(db())).toBe(before);
  });
});

describe("labels and columns over HTTP", () => {
  it("lets a member add a label and only the lead set a column's WIP limit, shown when exceeded", async () => {
    const member = await as(f.member);
    expect((await member(boardPath(), { method: "POST", form: { intent: "label_create", name: "Finance", colour: "green" } })).status).toBe(200);
    expect((await member(boardPath(), { method: "POST", form: { intent: "label_create", name: "", colour: "green" } })).status).toBe(400);
    const cols = await columns();
    expect((await member(boardPath(), { method: "POST", form: { intent: "column_update", columnId: cols.blocked!, wipLimit: "1" } })).status).toBe(403);
    const lead = await as(f.lead);
    expect((await lead(boardPath(), { method: "POST", form: { intent: "column_update", columnId: cols.blocked!, wipLimit: "0" } })).status).toBe(400);
    expect((await lead(boardPath(), { method: "POST", form: { intent: "column_update", columnId: cols.blocked!, wipLimit: "1" } })).status).toBe(200);
    for (const title of ["Blocked one", "Blocked two"]) await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title, columnId: cols.blocked! } });
    const html = await (await member(boardPath())).text();
    expect(html).toContain("WIP limit exceeded");
    expect(html).toContain("label-chip lc-green");
  });

  it("lets the lead add a column and archive one, moving its cards", async () => {
    const lead = await as(f.lead);
    expect((await lead(boardPath(), { method: "POST", form: { intent: "column_create", name: "Waiting for court", wipLimit: "" } })).status).toBe(200);
    const board = await app.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });
    const added = board.columns.find((c) => c.name === "Waiting for court")!;
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Await the warrant", columnId: added.id } });
    const cols = await columns();
    expect((await lead(boardPath(), { method: "POST", form: { intent: "column_archive", columnId: added.id } })).status).toBe(400);
    expect((await lead(boardPath(), { method: "POST", form: { intent: "column_archive", columnId: added.id, moveTasksTo: cols.todo! } })).status).toBe(200);
    const [row] = await db().select().from(tasks).where(eq(tasks.id, task.id));
    expect(row!.columnId).toBe(cols.todo);
  });
});

describe("my tasks, dashboard and workload over HTTP", () => {
  it("lists the reader's open cards on /tasks and on the dashboard", async () => {
    await app.services.boards.createTask({ actor: f.lead, operationId: f.operationId, input: { title: "Call Europol liaison", assigneeIds: [f.member.id!], dueAt: "2030-05-01T10:00:00Z" } });
    const http = await as(f.member);
    const page = await http("/tasks");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Call Europol liaison");
    expect(await (await http("/dashboard")).text()).toContain("Call Europol liaison");
    const other = await as(f.foreign);
    expect(await (await other("/tasks")).text()).not.toContain("Call Europol liaison");
  });

  it("shows the workload to office leads only and reassigns from it", async () => {
    const db0 = db();
    const { createUser } = await import("../factories/index");
    const { operationMembers } = await import("../../db/schema/index");
    const lead = await createUser(db0, { role: "office_lead" });
    await db0.insert(operationMembers).values({ operationId: f.operationId, userId: lead.id, role: "member" } as typeof operationMembers.$inferInsert);
    const task = await app.services.boards.createTask({ actor: f.member, operationId: f.operationId, input: { title: "Nobody's card yet" } });
    const officer = await as(f.member);
    expect((await officer("/workload")).status).toBe(403);
    const http = client(app, await signInCookie(app, lead.email));
    const page = await http("/workload");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Nobody&#x27;s card yet");
    const res = await http("/workload", { method: "POST", form: { taskId: task.id, version: "1", assigneeId: f.foreign.id! } });
    expect(res.status).toBe(200);
    const [row] = await db0.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row!.version).toBe(2);
    const stale = await http("/workload", { method: "POST", form: { taskId: task.id, version: "1", assigneeId: f.member.id! } });
    expect(stale.status).toBe(409);
  });
});
