import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationMembers } from "../../db/schema/index";
import type { Actor } from "../../app/domain/context";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, columnsOf, createBoardFixture, createTaskFor, type BoardFixture } from "./factories";

/** One entity of each kind on a board, so every verb has something to aim at. */
async function boardContent(t: TestServices, f: BoardFixture) {
  const cols = await columnsOf(t, f);
  const task = await createTaskFor(t, f, { columnId: cols.todo }, f.lead);
  const other = await createTaskFor(t, f, {}, f.lead);
  const label = await t.services.boards.createLabel({ actor: f.lead, operationId: f.operationId, input: { name: `L ${randomUUID().slice(0, 6)}`, colour: "blue" } });
  const { itemId } = await t.services.boards.addChecklistItem({ actor: f.lead, input: { taskId: task.id, text: "Step" } });
  const { commentId } = await t.services.boards.addComment({ actor: f.lead, input: { taskId: task.id, body: "Note" } });
  const { linkId } = await t.services.boards.linkTasks({ actor: f.lead, input: { taskId: task.id, otherTaskId: other.id, kind: "relates_to" } });
  return { cols, task, other, label, itemId, commentId, linkId };
}
type Content = Awaited<ReturnType<typeof boardContent>>;

/** Every change verb, as the given actor would call it with valid input. */
function changeVerbs(t: TestServices, f: BoardFixture, c: Content) {
  const b = t.services.boards;
  const op = f.operationId;
  return {
    createColumn: (actor: Actor) => b.createColumn({ actor, operationId: op, input: { name: `C ${randomUUID().slice(0, 6)}` } }),
    updateColumn: (actor: Actor) => b.updateColumn({ actor, input: { columnId: c.cols.blocked, wipLimit: 5 } }),
    moveColumn: (actor: Actor) => b.moveColumn({ actor, input: { columnId: c.cols.blocked, position: 0 } }),
    archiveColumn: (actor: Actor) => b.archiveColumn({ actor, input: { columnId: c.cols.blocked } }),
    createLabel: (actor: Actor) => b.createLabel({ actor, operationId: op, input: { name: `N ${randomUUID().slice(0, 6)}`, colour: "red" } }),
    updateLabel: (actor: Actor) => b.updateLabel({ actor, input: { labelId: c.label.id, colour: "pink" } }),
    deleteLabel: (actor: Actor) => b.deleteLabel({ actor, input: { labelId: c.label.id } }),
    createTask: (actor: Actor) => b.createTask({ actor, operationId: op, input: { title: "New" } }),
    updateTask: (actor: Actor) => b.updateTask({ actor, input: { taskId: c.task.id, version: c.task.version, title: "Changed" } }),
    moveTask: (actor: Actor) => b.moveTask({ actor, input: { taskId: c.task.id, toColumnId: c.cols.done, version: c.task.version } }),
    reassignTask: (actor: Actor) => b.reassignTask({ actor, input: { taskId: c.task.id, version: c.task.version, assigneeIds: [] } }),
    addChecklistItem: (actor: Actor) => b.addChecklistItem({ actor, input: { taskId: c.task.id, text: "More" } }),
    updateChecklistItem: (actor: Actor) => b.updateChecklistItem({ actor, input: { itemId: c.itemId, done: true } }),
    moveChecklistItem: (actor: Actor) => b.moveChecklistItem({ actor, input: { itemId: c.itemId, position: 0 } }),
    removeChecklistItem: (actor: Actor) => b.removeChecklistItem({ actor, input: { itemId: c.itemId } }),
    addComment: (actor: Actor) => b.addComment({ actor, input: { taskId: c.task.id, body: "Hello" } }),
    editComment: (actor: Actor) => b.editComment({ actor, input: { commentId: c.commentId, body: "Edited" } }),
    linkTasks: (actor: Actor) => b.linkTasks({ actor, input: { taskId: c.task.id, otherTaskId: c.other.id, kind: "blocks" } }),
    unlinkTasks: (actor: Actor) => b.unlinkTasks({ actor, input: { linkId: c.linkId } }),
  };
}

function readVerbs(t: TestServices, f: BoardFixture, c: Content) {
  const b = t.services.boards;
  return {
    getBoard: (actor: Actor) => b.getBoard({ actor, operationId: f.operationId }),
    getTask: (actor: Actor) => b.getTask({ actor, input: { taskId: c.task.id } }),
    getTaskHistory: (actor: Actor) => b.getTaskHistory({ actor, input: { taskId: c.task.id } }),
  };
}

describe("need-to-know and read-only operations", () => {
  let t: TestServices;
  let f: BoardFixture;
  let c: Content;
  beforeAll(async () => {
    t = await createTestServices();
    f = await createBoardFixture(t);
    c = await boardContent(t, f);
  });
  afterAll(() => t.testDb.destroy());

  it("answers a non-member NotFound on every verb, exactly like a missing id, and writes nothing", async () => {
    const audits = await auditCount(t.testDb.db);
    const verbs = { ...changeVerbs(t, f, c), ...readVerbs(t, f, c) };
    for (const [name, call] of Object.entries(verbs)) await expect(call(f.outsider), name).rejects.toMatchObject({ code: "not_found", message: "not_found" });
    expect(await auditCount(t.testDb.db)).toBe(audits);
  });

  it("answers guessed, malformed and mismatched ids NotFound for a member too", async () => {
    const b = t.services.boards;
    const guess = randomUUID();
    const calls: [string, () => Promise<unknown>][] = [
      ["getTask guessed", () => b.getTask({ actor: f.member, input: { taskId: guess } })],
      ["getTask malformed", () => b.getTask({ actor: f.member, input: { taskId: "1 or 1=1" } })],
      ["getTask missing", () => b.getTask({ actor: f.member, input: {} })],
      ["getTaskHistory guessed", () => b.getTaskHistory({ actor: f.member, input: { taskId: guess } })],
      ["updateTask guessed", () => b.updateTask({ actor: f.member, input: { taskId: guess, version: 1, title: "x" } })],
      ["moveTask guessed", () => b.moveTask({ actor: f.member, input: { taskId: guess, toColumnId: c.cols.done, version: 1 } })],
      ["reassignTask guessed", () => b.reassignTask({ actor: f.member, input: { taskId: guess, version: 1, assigneeIds: [] } })],
      ["addComment guessed", () => b.addComment({ actor: f.member, input: { taskId: guess, body: "x" } })],
      ["editComment guessed", () => b.editComment({ actor: f.member, input: { commentId: guess, body: "x" } })],
      ["addChecklistItem guessed", () => b.addChecklistItem({ actor: f.member, input: { taskId: guess, text: "x" } })],
      ["updateChecklistItem guessed", () => b.updateChecklistItem({ actor: f.member, input: { itemId: guess, done: true } })],
      ["linkTasks guessed", () => b.linkTasks({ actor: f.member, input: { taskId: guess, otherTaskId: c.task.id, kind: "blocks" } })],
      ["unlinkTasks guessed", () => b.unlinkTasks({ actor: f.member, input: { linkId: guess } })],
      ["updateLabel guessed", () => b.updateLabel({ actor: f.member, input: { labelId: guess, name: "x" } })],
      ["updateColumn guessed", () => b.updateColumn({ actor: f.lead, input: { columnId: guess, name: "x" } })],
      ["getBoard guessed", () => b.getBoard({ actor: f.member, operationId: guess })],
      ["createTask guessed operation", () => b.createTask({ actor: f.member, operationId: guess, input: { title: "x" } })],
      ["getBoard malformed", () => b.getBoard({ actor: f.member, operationId: "x" })],
    ];
    for (const [name, call] of calls) await expect(call(), name).rejects.toMatchObject({ code: "not_found" });

    // a real task named together with another operation the actor also belongs to is not found either
    const mine = await createBoardFixture(t);
    await t.testDb.db.insert(operationMembers).values({ operationId: mine.operationId, userId: f.member.id!, role: "member" });
    await expect(b.getTask({ actor: f.member, operationId: mine.operationId, input: { taskId: c.task.id } })).rejects.toMatchObject({ code: "not_found" });
    await expect(b.getTask({ actor: f.member, operationId: f.operationId, input: { taskId: c.task.id } })).resolves.toBeTruthy();
    // and a member of one board guessing a real task id of another board learns nothing
    await expect(b.getTask({ actor: mine.member, input: { taskId: c.task.id } })).rejects.toMatchObject({ code: "not_found", message: "not_found" });
    await expect(b.moveTask({ actor: mine.member, input: { taskId: c.task.id, toColumnId: c.cols.done, version: 1 } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets an observer read everything and change nothing", async () => {
    const audits = await auditCount(t.testDb.db);
    for (const [name, call] of Object.entries(changeVerbs(t, f, c)))
      await expect(call(f.observer), name).rejects.toMatchObject({ code: "forbidden", message: "read_only" });
    expect(await auditCount(t.testDb.db)).toBe(audits);
    for (const [name, call] of Object.entries(readVerbs(t, f, c))) await expect(call(f.observer), name).resolves.toBeTruthy();
    const board = await t.services.boards.getBoard({ actor: f.observer, operationId: f.operationId });
    expect(board).toMatchObject({ readOnlyReason: "observer", canEdit: false, canManageColumns: false });
  });

  it.each([
    ["jit_expired", { jitEnd: "2020-06-30" }],
    ["closed", { status: "closed" }],
  ] as const)("refuses every change on an operation that is %s, even to its lead", async (reason, over) => {
    const g = await createBoardFixture(t);
    const content = await boardContent(t, g);
    await t.testDb.db.execute(
      "status" in over
        ? sql`update operations set status = 'closed' where id = ${g.operationId}`
        : sql`update operations set jit_end = ${over.jitEnd} where id = ${g.operationId}`,
    );
    const audits = await auditCount(t.testDb.db);
    for (const [name, call] of Object.entries(changeVerbs(t, g, content)))
      await expect(call(name.endsWith("Column") || name === "deleteLabel" ? g.lead : g.member), name).rejects.toMatchObject({ code: "forbidden", message: "read_only" });
    expect(await auditCount(t.testDb.db)).toBe(audits);
    const board = await t.services.boards.getBoard({ actor: g.lead, operationId: g.operationId });
    expect(board).toMatchObject({ readOnlyReason: reason, canEdit: false });
    expect(board.tasks.map((x) => x.id).sort()).toEqual([content.task.id, content.other.id].sort());
  });

  it("keeps the workload to office leads and administrators", async () => {
    await expect(t.services.boards.getWorkload({ actor: f.member })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.boards.getWorkload({ actor: f.lead })).rejects.toMatchObject({ code: "forbidden" });
  });
});
