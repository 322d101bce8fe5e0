import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { boardColumns, tasks } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import { evenRanks } from "./rank";
import { archiveColumnSchema } from "./schemas";
import { accessVia, assertLead, boardChanged, idFrom, lockBoard, lockColumn } from "./support";

/**
 * Archives a column. Its cards never vanish with it: an empty column is archived at
 * once; a column with cards only when the lead names the column they go to, where
 * they keep their order after the cards already there. Leads only.
 */
export async function archiveColumn(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown }) {
  const columnId = idFrom(input, "columnId");
  const access = await accessVia(deps, actor, "column", columnId, operationId);
  assertLead(access);
  const { moveTasksTo } = parseInput(archiveColumnSchema, input);
  const opId = access.operation.id;
  const now = deps.now();

  return withTransaction(deps, async (tx, emit) => {
    await lockBoard(tx, opId);
    const column = await lockColumn(tx, opId, columnId);
    if (!column) throw NotFound();
    const [{ active }] = (await tx
      .select({ active: sql<number>`count(*)::int` })
      .from(boardColumns)
      .where(and(eq(boardColumns.operationId, opId), isNull(boardColumns.archivedAt)))) as [{ active: number }];
    if (Number(active) <= 1) throw Invalid({ columnId: ["boards:errors.last_column"] });

    // The target is locked before the cards, in the order moveTask locks (column, then card).
    const target = moveTasksTo === undefined ? null : moveTasksTo === columnId ? null : await lockColumn(tx, opId, moveTasksTo);
    if (moveTasksTo !== undefined && !target) throw Invalid({ moveTasksTo: ["boards:errors.column_not_on_board"] });
    // Locked, so a card moved out meanwhile is not dragged along and none can move in.
    const cards = await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(eq(tasks.columnId, columnId))
      .orderBy(asc(tasks.rank))
      .for("update");
    let movedTo: string | null = null;
    if (cards.length > 0) {
      if (!target) throw Invalid({ moveTasksTo: ["boards:errors.column_not_empty"] });
      movedTo = target.id;
      // locked too: a card leaving the target right now must not be written back into it
      const staying = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.columnId, target.id)).orderBy(asc(tasks.rank)).for("update");
      const order = [...staying.map((r) => ({ id: r.id, moved: false })), ...cards.map((r) => ({ id: r.id, moved: true }))];
      const ranks = evenRanks(order.length);
      // Lift first: a unique (column, rank) is checked row by row.
      await tx
        .update(tasks)
        .set({ rank: sql`${tasks.rank} + 1e10` })
        .where(inArray(tasks.columnId, [columnId, target.id]));
      const values = sql.join(
        order.map((o, k) => sql`(${o.id}::uuid, ${ranks[k]}::double precision, ${o.moved}::boolean)`),
        sql`, `,
      );
      await tx.execute(sql`
        update tasks set column_id = ${target.id}::uuid, rank = v.rank,
          version = tasks.version + (case when v.moved then 1 else 0 end),
          updated_at = case when v.moved then ${now.toISOString()}::timestamptz else tasks.updated_at end
        from (values ${values}) as v(id, rank, moved)
        where tasks.id = v.id and tasks.column_id in (${columnId}::uuid, ${target.id}::uuid)`);
      for (const card of cards)
        await recordAudit(tx, actor, now, {
          action: "task.moved",
          targetType: "task",
          targetId: card.id,
          operationId: opId,
          details: { changes: { columnId: { from: columnId, to: target.id } }, fromColumnId: columnId, toColumnId: target.id, reason: "column_archived" },
        });
    }
    await tx.update(boardColumns).set({ archivedAt: now, updatedAt: now }).where(eq(boardColumns.id, columnId));
    await recordAudit(tx, actor, now, {
      action: "board.column_archived",
      targetType: "board_column",
      targetId: columnId,
      operationId: opId,
      details: { movedTaskIds: cards.map((c) => c.id), moveTasksTo: movedTo },
    });
    emit(boardChanged({ operationId: opId, change: "board.column_archived", columnId }));
    return { columnId, movedTaskIds: cards.map((c) => c.id), movedTo };
  });
}
