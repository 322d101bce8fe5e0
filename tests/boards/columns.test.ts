import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, boardColumns } from "../../db/schema/index";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, columnOrder, columnsOf, createBoardFixture, createTaskFor, lastAudit } from "./factories";

describe("board columns", () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices();
  });
  afterAll(() => t.testDb.destroy());

  it("creates the five default columns once, even when the first visits race", async () => {
    const f = await createBoardFixture(t);
    const boards = await Promise.all([
      t.services.boards.getBoard({ actor: f.lead, operationId: f.operationId }),
      t.services.boards.getBoard({ actor: f.member, operationId: f.operationId }),
      t.services.boards.getBoard({ actor: f.observer, operationId: f.operationId }),
    ]);
    for (const b of boards) expect(b.columns.map((c) => c.preset)).toEqual(["backlog", "todo", "in_progress", "blocked", "done"]);
    const [{ n }] = (await t.testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(boardColumns)
      .where(eq(boardColumns.operationId, f.operationId))) as [{ n: number }];
    expect(Number(n)).toBe(5);
    expect(boards[0]!.columns.map((c) => c.isDone)).toEqual([false, false, false, false, true]);
    expect(boards[0]!.columns.every((c) => c.name === null && c.wipLimit === null && c.taskCount === 0)).toBe(true);
    const created = await t.testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "board.created"), eq(auditLog.operationId, f.operationId)));
    expect(created).toHaveLength(1);
    expect(t.events).toContainEqual({ name: "board.changed", payload: { operationId: f.operationId, change: "board.created" } });
  });

  it("lets a lead add, rename, limit and reorder columns, each audited", async () => {
    const f = await createBoardFixture(t);
    await columnsOf(t, f);
    const col = await t.services.boards.createColumn({ actor: f.lead, operationId: f.operationId, input: { name: "Waiting for MLA", wipLimit: 3 } });
    expect(await lastAudit(t.testDb.db, "board.column_created", col.id)).toMatchObject({
      actorId: f.lead.id,
      operationId: f.operationId,
      targetType: "board_column",
      details: { changes: { name: { from: null, to: "Waiting for MLA" }, wipLimit: { from: null, to: 3 }, isDone: { from: null, to: false } } },
    });
    let board = await t.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });
    expect(board.columns.at(-1)).toMatchObject({ id: col.id, name: "Waiting for MLA", wipLimit: 3, position: 5 });

    await t.services.boards.updateColumn({ actor: f.lead, input: { columnId: col.id, name: "Awaiting MLA", wipLimit: null } });
    expect(await lastAudit(t.testDb.db, "board.column_updated", col.id)).toMatchObject({
      details: { changes: { name: { from: "Waiting for MLA", to: "Awaiting MLA" }, wipLimit: { from: 3, to: null } } },
    });

    const moved = await t.services.boards.moveColumn({ actor: f.lead, input: { columnId: col.id, position: 1 } });
    board = await t.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });
    expect(board.columns.map((c) => c.id)).toEqual(moved.columnIds);
    expect(board.columns[1]).toMatchObject({ id: col.id, name: "Awaiting MLA", wipLimit: null });
    expect(await lastAudit(t.testDb.db, "board.column_moved", col.id)).toMatchObject({ details: { changes: { position: { from: 5, to: 1 } } } });
    expect(t.events.at(-1)).toEqual({ name: "board.changed", payload: { operationId: f.operationId, change: "board.column_moved", columnId: col.id } });
  });

  it("refuses bad column input with field errors and writes nothing", async () => {
    const f = await createBoardFixture(t);
    const cols = await columnsOf(t, f);
    await t.services.boards.createColumn({ actor: f.lead, operationId: f.operationId, input: { name: "Review" } });
    const before = await auditCount(t.testDb.db);
    const create = (input: unknown) => t.services.boards.createColumn({ actor: f.lead, operationId: f.operationId, input });
    await expect(create({ name: "" })).rejects.toMatchObject({ code: "invalid", fields: { name: ["validation.required"] } });
    await expect(create({ name: "x".repeat(61) })).rejects.toMatchObject({ code: "invalid", fields: { name: [expect.stringMatching(/^validation.too_big/)] } });
    await expect(create({ name: "New", wipLimit: 0 })).rejects.toMatchObject({ code: "invalid", fields: { wipLimit: [expect.stringMatching(/^validation.too_small/)] } });
    await expect(create({ name: "New", wipLimit: 1000 })).rejects.toMatchObject({ code: "invalid", fields: { wipLimit: [expect.stringMatching(/^validation.too_big/)] } });
    await expect(create({ name: "new", wipLimit: 1.5 })).rejects.toMatchObject({ code: "invalid" });
    await expect(create({ name: "REVIEW" })).rejects.toMatchObject({ code: "invalid", fields: { name: ["boards:errors.column_name_taken"] } });
    await expect(t.services.boards.updateColumn({ actor: f.lead, input: { columnId: cols.todo, wipLimit: -1 } })).rejects.toMatchObject({ code: "invalid" });
    expect(await auditCount(t.testDb.db)).toBe(before);
    const board = await t.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });
    expect(board.columns).toHaveLength(6);
  });

  it("shows the WIP limit as soft: the column counts over it and the move still happens", async () => {
    const f = await createBoardFixture(t);
    const cols = await columnsOf(t, f);
    await t.services.boards.updateColumn({ actor: f.lead, input: { columnId: cols.in_progress, wipLimit: 1 } });
    await createTaskFor(t, f, { columnId: cols.in_progress });
    const second = await createTaskFor(t, f);
    const r = await t.services.boards.moveTask({ actor: f.member, input: { taskId: second.id, toColumnId: cols.in_progress, version: second.version } });
    expect(r.overWipLimit).toBe(true);
    const board = await t.services.boards.getBoard({ actor: f.member, operationId: f.operationId });
    expect(board.columns.find((c) => c.id === cols.in_progress)).toMatchObject({ taskCount: 2, wipLimit: 1, overWipLimit: true });
  });

  it("archives an empty column at once, and a full one only into a named column, keeping the cards' order", async () => {
    const f = await createBoardFixture(t);
    const cols = await columnsOf(t, f);
    const empty = await t.services.boards.archiveColumn({ actor: f.lead, input: { columnId: cols.blocked } });
    expect(empty).toMatchObject({ movedTaskIds: [], movedTo: null });
    expect(await lastAudit(t.testDb.db, "board.column_archived", cols.blocked)).toMatchObject({ details: { movedTaskIds: [], moveTasksTo: null } });

    const a = await createTaskFor(t, f, { columnId: cols.todo });
    const b = await createTaskFor(t, f, { columnId: cols.todo });
    const c = await createTaskFor(t, f, { columnId: cols.backlog });
    const before = await auditCount(t.testDb.db);
    await expect(t.services.boards.archiveColumn({ actor: f.lead, input: { columnId: cols.todo } })).rejects.toMatchObject({
      code: "invalid",
      fields: { moveTasksTo: ["boards:errors.column_not_empty"] },
    });
    await expect(t.services.boards.archiveColumn({ actor: f.lead, input: { columnId: cols.todo, moveTasksTo: cols.blocked } })).rejects.toMatchObject({
      code: "invalid",
      fields: { moveTasksTo: ["boards:errors.column_not_on_board"] },
    });
    expect(await auditCount(t.testDb.db)).toBe(before);

    const r = await t.services.boards.archiveColumn({ actor: f.lead, input: { columnId: cols.todo, moveTasksTo: cols.backlog } });
    expect(r.movedTaskIds).toEqual([a.id, b.id]);
    expect(await columnOrder(t.testDb.db, cols.backlog)).toEqual([c.id, a.id, b.id]);
    const board = await t.services.boards.getBoard({ actor: f.lead, operationId: f.operationId });
    expect(board.columns.map((x) => x.preset)).toEqual(["backlog", "in_progress", "done"]);
    const movedA = await t.services.boards.getTask({ actor: f.member, input: { taskId: a.id } });
    expect(movedA.task).toMatchObject({ columnId: cols.backlog, version: a.version + 1 });
    expect(await lastAudit(t.testDb.db, "task.moved", a.id)).toMatchObject({
      details: { changes: { columnId: { from: cols.todo, to: cols.backlog } }, reason: "column_archived" },
    });
    // an archived column takes no cards
    await expect(t.services.boards.moveTask({ actor: f.member, input: { taskId: c.id, toColumnId: cols.todo, version: c.version } })).rejects.toMatchObject({
      code: "invalid",
      fields: { toColumnId: ["boards:errors.column_not_on_board"] },
    });
  });

  it("never archives the last column", async () => {
    const f = await createBoardFixture(t);
    const cols = await columnsOf(t, f);
    for (const id of [cols.todo, cols.in_progress, cols.blocked, cols.done]) await t.services.boards.archiveColumn({ actor: f.lead, input: { columnId: id } });
    await expect(t.services.boards.archiveColumn({ actor: f.lead, input: { columnId: cols.backlog } })).rejects.toMatchObject({
      code: "invalid",
      fields: { columnId: ["boards:errors.last_column"] },
    });
  });

  it("keeps the board's shape to its leads", async () => {
    const f = await createBoardFixture(t);
    const cols = await columnsOf(t, f);
    await expect(t.services.boards.createColumn({ actor: f.member, operationId: f.operationId, input: { name: "Mine" } })).rejects.toMatchObject({
      code: "forbidden",
      message: "lead_only",
    });
    await expect(t.services.boards.updateColumn({ actor: f.member, input: { columnId: cols.todo, name: "x" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.boards.moveColumn({ actor: f.member, input: { columnId: cols.todo, position: 0 } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.boards.archiveColumn({ actor: f.member, input: { columnId: cols.todo } })).rejects.toMatchObject({ code: "forbidden" });
  });
});
