import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, tasks } from "../../db/schema/index";
import { RANK_STEP } from "../../app/domain/boards/rank";
import { createTestServices, type TestServices } from "../setup/services";
import { auditCount, columnOrder, columnsOf, createBoardFixture, createTaskFor, lastAudit, type BoardFixture } from "./factories";

describe("moving cards", () => {
  let t: TestServices;
  let f: BoardFixture;
  let cols: Awaited<ReturnType<typeof columnsOf>>;
  beforeAll(async () => {
    t = await createTestServices();
    f = await createBoardFixture(t);
    cols = await columnsOf(t, f);
  });
  afterAll(() => t.testDb.destroy());

  const move = (input: Record<string, unknown>, actor = f.member) => t.services.boards.moveTask({ actor, input });

  it("places a card before, after, at an index of, or at the end of a column, writing only that card", async () => {
    const [a, b, c] = [await createTaskFor(t, f, { columnId: cols.todo }), await createTaskFor(t, f, { columnId: cols.todo }), await createTaskFor(t, f, { columnId: cols.todo })];
    const x = await createTaskFor(t, f);
    expect(await columnOrder(t.testDb.db, cols.todo)).toEqual([a.id, b.id, c.id]);
    const ranksBefore = await t.testDb.db.select({ id: tasks.id, rank: tasks.rank, version: tasks.version }).from(tasks).where(eq(tasks.columnId, cols.todo));

    const r1 = await move({ taskId: x.id, toColumnId: cols.todo, beforeTaskId: b.id, version: 1 });
    expect(r1).toMatchObject({ columnId: cols.todo, version: 2, overWipLimit: false });
    expect(await columnOrder(t.testDb.db, cols.todo)).toEqual([a.id, x.id, b.id, c.id]);
    const ranksAfter = await t.testDb.db.select({ id: tasks.id, rank: tasks.rank, version: tasks.version }).from(tasks).where(eq(tasks.columnId, cols.todo));
    for (const r of ranksBefore) expect(ranksAfter.find((x) => x.id === r.id)).toEqual(r);

    await move({ taskId: x.id, toColumnId: cols.todo, afterTaskId: c.id, version: 2 });
    expect(await columnOrder(t.testDb.db, cols.todo)).toEqual([a.id, b.id, c.id, x.id]);
    await move({ taskId: x.id, toColumnId: cols.todo, position: 0, version: 3 });
    expect(await columnOrder(t.testDb.db, cols.todo)).toEqual([x.id, a.id, b.id, c.id]);
    await move({ taskId: x.id, toColumnId: cols.todo, position: 99, version: 4 });
    expect(await columnOrder(t.testDb.db, cols.todo)).toEqual([a.id, b.id, c.id, x.id]);
    await move({ taskId: x.id, toColumnId: cols.in_progress, version: 5 });
    expect(await columnOrder(t.testDb.db, cols.todo)).toEqual([a.id, b.id, c.id]);
    expect(await columnOrder(t.testDb.db, cols.in_progress)).toContain(x.id);

    expect(await lastAudit(t.testDb.db, "task.moved", x.id)).toMatchObject({
      actorId: f.member.id,
      operationId: f.operationId,
      details: { changes: { columnId: { from: cols.todo, to: cols.in_progress } }, fromColumnId: cols.todo, toColumnId: cols.in_progress },
    });
    expect(t.events.at(-1)).toEqual({
      name: "board.changed",
      payload: { operationId: f.operationId, change: "task.moved", taskId: x.id, columnId: cols.in_progress, version: 6 },
    });
    const board = await t.services.boards.getBoard({ actor: f.observer, operationId: f.operationId });
    expect(board.tasks.filter((c) => c.columnId === cols.todo).map((c) => c.id)).toEqual([a.id, b.id, c.id]);
  });

  it("refuses a column of another board, an anchor outside the target column, and two anchors, as field errors", async () => {
    const other = await createBoardFixture(t);
    const otherCols = await columnsOf(t, other);
    const x = await createTaskFor(t, f);
    const y = await createTaskFor(t, f, { columnId: cols.todo });
    const audits = await auditCount(t.testDb.db);
    await expect(move({ taskId: x.id, toColumnId: otherCols.todo, version: 1 })).rejects.toMatchObject({ code: "invalid", fields: { toColumnId: ["boards:errors.column_not_on_board"] } });
    await expect(move({ taskId: x.id, toColumnId: "00000000-0000-4000-8000-000000000000", version: 1 })).rejects.toMatchObject({ fields: { toColumnId: ["boards:errors.column_not_on_board"] } });
    await expect(move({ taskId: x.id, toColumnId: cols.blocked, beforeTaskId: y.id, version: 1 })).rejects.toMatchObject({ fields: { beforeTaskId: ["boards:errors.anchor_not_in_column"] } });
    await expect(move({ taskId: x.id, toColumnId: cols.backlog, afterTaskId: x.id, version: 1 })).rejects.toMatchObject({ fields: { afterTaskId: ["boards:errors.anchor_not_in_column"] } });
    await expect(move({ taskId: x.id, toColumnId: cols.todo, beforeTaskId: y.id, position: 0, version: 1 })).rejects.toMatchObject({ fields: { position: ["boards:errors.one_anchor"] } });
    await expect(move({ taskId: x.id, toColumnId: cols.todo, version: 0 })).rejects.toMatchObject({ code: "invalid" });
    await expect(move({ taskId: x.id, toColumnId: "not-a-uuid", version: 1 })).rejects.toMatchObject({ fields: { toColumnId: ["validation.invalid"] } });
    expect(await auditCount(t.testDb.db)).toBe(audits);
    const [row] = await t.testDb.db.select().from(tasks).where(eq(tasks.id, x.id));
    expect(row).toMatchObject({ columnId: cols.backlog, version: 1 });
  });

  it("answers a move from a stale version with Conflict and the current card", async () => {
    const x = await createTaskFor(t, f);
    await t.services.boards.updateTask({ actor: f.foreign, input: { taskId: x.id, version: 1, priority: "urgent" } });
    const err = await move({ taskId: x.id, toColumnId: cols.done, version: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "conflict", message: "task_stale", params: { current: { id: x.id, version: 2, priority: "urgent", columnId: cols.backlog } } });
  });

  it("of two simultaneous moves of one card from the same version, exactly one wins; the card is in one place", async () => {
    for (const [first, second] of [
      [cols.in_progress, cols.blocked],
      [cols.done, cols.done],
      [cols.todo, cols.todo],
      [cols.blocked, cols.in_progress],
      [cols.done, cols.backlog],
    ] as const) {
      const x = await createTaskFor(t, f, { columnId: cols.todo });
      const neighbour = await createTaskFor(t, f, { columnId: second });
      const movesBefore = (await t.testDb.db.select().from(auditLog).where(eq(auditLog.targetId, x.id))).filter((r) => r.action === "task.moved").length;
      const results = await Promise.allSettled([
        move({ taskId: x.id, toColumnId: first, position: 0, version: 1 }, f.member),
        move({ taskId: x.id, toColumnId: second, afterTaskId: neighbour.id, version: 1 }, f.foreign),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.reason).toMatchObject({ code: "conflict", message: "task_stale", params: { current: { id: x.id, version: 2 } } });
      const winner = (ok[0] as PromiseFulfilledResult<{ columnId: string; version: number }>).value;

      const rows = await t.testDb.db.select().from(tasks).where(eq(tasks.id, x.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ columnId: winner.columnId, version: 2 });
      const everywhere: string[] = [];
      for (const col of cols.list) everywhere.push(...(await columnOrder(t.testDb.db, col.id)));
      expect(everywhere.filter((id) => id === x.id)).toHaveLength(1);
      // ranks in every column are distinct, so the order is total
      const dup = await t.testDb.db.execute(sql`select column_id, rank from tasks group by column_id, rank having count(*) > 1`);
      expect(Array.isArray(dup) ? dup : (dup as { rows: unknown[] }).rows).toHaveLength(0);
      const moves = (await t.testDb.db.select().from(auditLog).where(eq(auditLog.targetId, x.id))).filter((r) => r.action === "task.moved");
      expect(moves.length - movesBefore).toBe(1);
    }
  });

  it("of an edit and a move, or two edits, from the same version, exactly one wins and nothing is half-written", async () => {
    for (let round = 0; round < 5; round++) {
      const x = await createTaskFor(t, f, { title: "Original" });
      const [edit, moved] = await Promise.allSettled([
        t.services.boards.updateTask({ actor: f.member, input: { taskId: x.id, version: 1, title: "Edited", assigneeIds: [f.member.id!] } }),
        move({ taskId: x.id, toColumnId: cols.done, version: 1 }, f.foreign),
      ]);
      expect([edit.status, moved.status].filter((s) => s === "fulfilled")).toHaveLength(1);
      const [row] = await t.testDb.db.select().from(tasks).where(eq(tasks.id, x.id));
      expect(row!.version).toBe(2);
      if (edit.status === "fulfilled") expect(row).toMatchObject({ title: "Edited", columnId: cols.backlog });
      else expect(row).toMatchObject({ title: "Original", columnId: cols.done });

      const y = await createTaskFor(t, f, { description: "v1" });
      const edits = await Promise.allSettled([
        t.services.boards.updateTask({ actor: f.member, input: { taskId: y.id, version: 1, description: "from member" } }),
        t.services.boards.updateTask({ actor: f.foreign, input: { taskId: y.id, version: 1, description: "from foreign" } }),
      ]);
      const won = edits.findIndex((e) => e.status === "fulfilled");
      expect(edits.filter((e) => e.status === "rejected")).toEqual([expect.objectContaining({ reason: expect.objectContaining({ code: "conflict" }) })]);
      const [yRow] = await t.testDb.db.select().from(tasks).where(eq(tasks.id, y.id));
      expect(yRow).toMatchObject({ version: 2, description: won === 0 ? "from member" : "from foreign" });
      const updates = (await t.testDb.db.select().from(auditLog).where(eq(auditLog.targetId, y.id))).filter((r) => r.action === "task.updated");
      expect(updates).toHaveLength(1);
    }
  });

  it("lets different cards land in the same slot at the same moment, each in a distinct place", async () => {
    const col = await t.services.boards.createColumn({ actor: f.lead, operationId: f.operationId, input: { name: "Landing" } });
    const anchor = await createTaskFor(t, f, { columnId: col.id });
    const cards = await Promise.all([1, 2, 3, 4].map(() => createTaskFor(t, f)));
    const results = await Promise.all(cards.map((c) => move({ taskId: c.id, toColumnId: col.id, beforeTaskId: anchor.id, version: 1 })));
    expect(new Set(results.map((r) => r.rank)).size).toBe(4);
    const order = await columnOrder(t.testDb.db, col.id);
    expect(order).toHaveLength(5);
    expect(order.at(-1)).toBe(anchor.id);
    expect(new Set(order)).toEqual(new Set([anchor.id, ...cards.map((c) => c.id)]));
  });

  it("renumbers a column, keeping its order, when one gap has been split too often", async () => {
    const col = await t.services.boards.createColumn({ actor: f.lead, operationId: f.operationId, input: { name: "Crowded" } });
    const first = await createTaskFor(t, f, { columnId: col.id });
    const last = await createTaskFor(t, f, { columnId: col.id });
    const inserted: string[] = [];
    // always insert right after `first`: the gap halves each time until it must renumber
    for (let i = 0; i < 30; i++) {
      const x = await createTaskFor(t, f);
      await move({ taskId: x.id, toColumnId: col.id, afterTaskId: first.id, version: 1 });
      inserted.unshift(x.id);
    }
    expect(await columnOrder(t.testDb.db, col.id)).toEqual([first.id, ...inserted, last.id]);
    const ranks = (await t.testDb.db.select({ rank: tasks.rank }).from(tasks).where(eq(tasks.columnId, col.id))).map((r) => r.rank);
    // after a renumbering the ranks are whole multiples of the step again
    expect(ranks.filter((r) => r % RANK_STEP === 0).length).toBeGreaterThan(2);
    // and the others' versions did not move: only the moved cards changed
    const [{ v }] = (await t.testDb.db.select({ v: sql<number>`max(version)::int` }).from(tasks).where(eq(tasks.columnId, col.id))) as [{ v: number }];
    expect(Number(v)).toBe(2);
    expect((await t.services.boards.getTask({ actor: f.member, input: { taskId: first.id } })).task.version).toBe(1);
  });
});
