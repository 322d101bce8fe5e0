import { and, eq, isNull, sql } from "drizzle-orm";
import { boardColumns } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { getOperationForActor } from "../operations/access";
import { parseInput } from "../validation";
import { columnNameTaken } from "./columns";
import { createColumnSchema, MAX_COLUMNS } from "./schemas";
import { assertLead, boardChanged, changesBetween, ensureBoard, lockBoard, violatedUnique } from "./support";

/** Adds a column at the right end of the board. Leads only. */
export async function createColumn(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }) {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  assertLead(access);
  const data = parseInput(createColumnSchema, input);
  const now = deps.now();
  try {
    return await withTransaction(deps, async (tx, emit) => {
      await ensureBoard(tx, operationId, actor, now, emit);
      await lockBoard(tx, operationId);
      const [stats] = await tx
        .select({ count: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${boardColumns.position}), -1)::int` })
        .from(boardColumns)
        .where(and(eq(boardColumns.operationId, operationId), isNull(boardColumns.archivedAt)));
      if (Number(stats!.count) >= MAX_COLUMNS) throw Invalid({ name: ["boards:errors.too_many_columns"] });
      if (await columnNameTaken(tx, operationId, data.name, null)) throw Invalid({ name: ["boards:errors.column_name_taken"] });
      const [col] = await tx
        .insert(boardColumns)
        .values({ operationId, name: data.name, position: Number(stats!.last) + 1, wipLimit: data.wipLimit, isDone: data.isDone, createdAt: now, updatedAt: now })
        .returning();
      await recordAudit(tx, actor, now, {
        action: "board.column_created",
        targetType: "board_column",
        targetId: col!.id,
        operationId,
        details: { changes: changesBetween({}, { name: data.name, wipLimit: data.wipLimit, isDone: data.isDone }) },
      });
      emit(boardChanged({ operationId, change: "board.column_created", columnId: col!.id }));
      return col!;
    });
  } catch (err) {
    if (violatedUnique(err) === "board_columns_name_key") throw Invalid({ name: ["boards:errors.column_name_taken"] });
    throw err;
  }
}
