import { asc, eq, inArray, sql } from "drizzle-orm";
import { boardLabels, taskLabels, tasks } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput } from "../validation";
import { deleteLabelSchema } from "./schemas";
import { accessVia, assertLead, boardChanged, idFrom } from "./support";

/**
 * Deletes a label and takes it off every card. Leads only, since it changes other
 * people's cards; each card's history records the removal and its version moves on.
 */
export async function deleteLabel(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown }) {
  const labelId = idFrom(input, "labelId");
  const access = await accessVia(deps, actor, "label", labelId, operationId);
  assertLead(access);
  parseInput(deleteLabelSchema, input);
  const opId = access.operation.id;
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    const [label] = await tx.select().from(boardLabels).where(eq(boardLabels.id, labelId)).for("update");
    if (!label) throw NotFound();
    // Bumping the versions first locks the cards, so no editor computes label changes from a stale set.
    const bumped = await tx
      .update(tasks)
      .set({ version: sql`${tasks.version} + 1`, updatedAt: now })
      .where(inArray(tasks.id, tx.select({ id: taskLabels.taskId }).from(taskLabels).where(eq(taskLabels.labelId, labelId))))
      .returning({ id: tasks.id });
    const ids = bumped.map((b) => b.id);
    const sets = ids.length
      ? await tx
          .select({ taskId: taskLabels.taskId, labelId: taskLabels.labelId })
          .from(taskLabels)
          .where(inArray(taskLabels.taskId, ids))
          .orderBy(asc(taskLabels.labelId))
      : [];
    await tx.delete(boardLabels).where(eq(boardLabels.id, labelId));
    for (const taskId of ids.sort()) {
      const before = sets.filter((s) => s.taskId === taskId).map((s) => s.labelId);
      await recordAudit(tx, actor, now, {
        action: "task.updated",
        targetType: "task",
        targetId: taskId,
        operationId: opId,
        details: { changes: { labelIds: { from: before, to: before.filter((id) => id !== labelId) } }, reason: "label_deleted", label: { name: label.name, colour: label.colour } },
      });
    }
    await recordAudit(tx, actor, now, {
      action: "board.label_deleted",
      targetType: "board_label",
      targetId: labelId,
      operationId: opId,
      details: { name: label.name, colour: label.colour, taskIds: ids },
    });
    emit(boardChanged({ operationId: opId, change: "board.label_deleted" }));
    return { labelId, taskIds: ids };
  });
}
