import { and, eq, isNull } from "drizzle-orm";
import { boardColumns } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import { columnNameTaken } from "./columns";
import { updateColumnSchema } from "./schemas";
import { accessVia, assertLead, boardChanged, changesBetween, given, idFrom, lockBoard, violatedUnique } from "./support";

/** Renames a column, sets its WIP limit (null = none) or whether it counts as done. Leads only. */
export async function updateColumn(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown }) {
  const columnId = idFrom(input, "columnId");
  const access = await accessVia(deps, actor, "column", columnId, operationId);
  assertLead(access);
  const { columnId: _, ...parsed } = parseInput(updateColumnSchema, input);
  const data = given(parsed);
  const opId = access.operation.id;
  const now = deps.now();
  try {
    return await withTransaction(deps, async (tx, emit) => {
      await lockBoard(tx, opId);
      const [col] = await tx
        .select()
        .from(boardColumns)
        .where(and(eq(boardColumns.id, columnId), isNull(boardColumns.archivedAt)));
      if (!col) throw NotFound();
      if (data.name !== undefined && (await columnNameTaken(tx, opId, data.name, columnId))) throw Invalid({ name: ["boards:errors.column_name_taken"] });
      const changes = changesBetween(col, data);
      if (Object.keys(changes).length === 0) return col;
      const [updated] = await tx
        .update(boardColumns)
        .set({ ...data, updatedAt: now })
        .where(eq(boardColumns.id, columnId))
        .returning();
      await recordAudit(tx, actor, now, { action: "board.column_updated", targetType: "board_column", targetId: columnId, operationId: opId, details: { changes } });
      emit(boardChanged({ operationId: opId, change: "board.column_updated", columnId }));
      return updated!;
    });
  } catch (err) {
    if (violatedUnique(err) === "board_columns_name_key") throw Invalid({ name: ["boards:errors.column_name_taken"] });
    throw err;
  }
}
