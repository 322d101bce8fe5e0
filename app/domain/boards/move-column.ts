import { eq } from "drizzle-orm";
import { boardColumns } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput } from "../validation";
import { activeColumns } from "./columns";
import { moveColumnSchema } from "./schemas";
import { accessVia, assertLead, boardChanged, idFrom, lockBoard } from "./support";

/** Moves a column to an index among the active columns (clamped). Leads only. */
export async function moveColumn(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown }) {
  const columnId = idFrom(input, "columnId");
  const access = await accessVia(deps, actor, "column", columnId, operationId);
  assertLead(access);
  const { position } = parseInput(moveColumnSchema, input);
  const opId = access.operation.id;
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    await lockBoard(tx, opId);
    const cols = await activeColumns(tx, opId);
    const from = cols.findIndex((c) => c.id === columnId);
    if (from < 0) throw NotFound();
    const to = Math.min(position, cols.length - 1);
    if (from === to) return { columnIds: cols.map((c) => c.id) };
    const order = cols.filter((c) => c.id !== columnId);
    order.splice(to, 0, cols[from]!);
    // only the columns whose index changed are written
    for (const [i, c] of order.entries())
      if (c.position !== i) await tx.update(boardColumns).set({ position: i, updatedAt: now }).where(eq(boardColumns.id, c.id));
    await recordAudit(tx, actor, now, {
      action: "board.column_moved",
      targetType: "board_column",
      targetId: columnId,
      operationId: opId,
      details: { changes: { position: { from, to } } },
    });
    emit(boardChanged({ operationId: opId, change: "board.column_moved", columnId }));
    return { columnIds: order.map((c) => c.id) };
  });
}
