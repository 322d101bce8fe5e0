import { and, eq, sql } from "drizzle-orm";
import { tasks } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import { moveTaskSchema } from "./schemas";
import { accessVia, assertWritable, boardChanged, idFrom, lockColumn, rankInColumn, staleTask } from "./support";

export interface MoveResult {
  taskId: string;
  columnId: string;
  rank: number;
  version: number;
  /** WIP limits are soft: the move happens, the UI warns */
  overWipLimit: boolean;
}

/**
 * Moves a card to a column and a place in it. Conditional on the version the user
 * saw, so of two simultaneous moves of one card exactly one wins and the other gets
 * Conflict; the card is never in two places or lost. Writes only the moved card's row
 * (the rare renumbering of a crowded gap aside).
 */
export async function moveTask(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown }): Promise<MoveResult> {
  const taskId = idFrom(input, "taskId");
  const access = await accessVia(deps, actor, "task", taskId, operationId);
  assertWritable(access);
  const data = parseInput(moveTaskSchema, input);
  const opId = access.operation.id;
  const now = deps.now();

  return withTransaction(deps, async (tx, emit) => {
    // Locking the target column first serialises placements in it (see lockColumn).
    const column = await lockColumn(tx, opId, data.toColumnId);
    if (!column) throw Invalid({ toColumnId: ["boards:errors.column_not_on_board"] });
    const [current] = await tx.select({ version: tasks.version, columnId: tasks.columnId }).from(tasks).where(eq(tasks.id, taskId));
    if (!current) throw NotFound();
    if (current.version !== data.version) throw await staleTask(tx, taskId, now);

    const rank = await rankInColumn(tx, column.id, data, taskId);
    const [moved] = await tx
      .update(tasks)
      .set({ columnId: column.id, rank, version: sql`${tasks.version} + 1`, updatedAt: now })
      .where(and(eq(tasks.id, taskId), eq(tasks.version, data.version)))
      .returning({ version: tasks.version });
    if (!moved) throw await staleTask(tx, taskId, now);

    const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(tasks).where(eq(tasks.columnId, column.id))) as [{ count: number }];
    const changes = current.columnId === column.id ? {} : { columnId: { from: current.columnId, to: column.id } };
    await recordAudit(tx, actor, now, {
      action: "task.moved",
      targetType: "task",
      targetId: taskId,
      operationId: opId,
      details: { changes, fromColumnId: current.columnId, toColumnId: column.id },
    });
    emit(boardChanged({ operationId: opId, change: "task.moved", taskId, columnId: column.id, version: moved.version }));
    return { taskId, columnId: column.id, rank, version: moved.version, overWipLimit: column.wipLimit !== null && Number(count) > column.wipLimit };
  });
}
