import { eq } from "drizzle-orm";
import { taskChecklistItems } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput } from "../validation";
import { checklistOf, lockTaskRow, taskOfItem, writePositions } from "./checklist";
import { removeChecklistItemSchema } from "./schemas";
import { accessVia, assertWritable, boardChanged, idFrom } from "./support";
import type { ChecklistItemView } from "./views";

/** Removes a checklist item; its text stays in the card's history. */
export async function removeChecklistItem(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<{ taskId: string; items: ChecklistItemView[] }> {
  const itemId = idFrom(input, "itemId");
  const access = await accessVia(deps, actor, "checklist_item", itemId, operationId);
  assertWritable(access);
  parseInput(removeChecklistItemSchema, input);
  const opId = access.operation.id;
  const now = deps.now();
  const taskId = await taskOfItem(deps.db, itemId);
  if (!taskId) throw NotFound();
  await withTransaction(deps, async (tx, emit) => {
    const task = await lockTaskRow(tx, taskId);
    const [item] = await tx.delete(taskChecklistItems).where(eq(taskChecklistItems.id, itemId)).returning();
    if (!task || !item) throw NotFound();
    await writePositions(tx, await checklistOf(tx, taskId), now);
    await recordAudit(tx, actor, now, {
      action: "task.checklist_changed",
      targetType: "task",
      targetId: taskId,
      operationId: opId,
      details: { op: "removed", itemId, changes: { text: { from: item.text, to: null }, done: { from: item.done, to: null } } },
    });
    emit(boardChanged({ operationId: opId, change: "task.checklist_changed", taskId, columnId: task.columnId, version: task.version }));
  });
  return { taskId, items: await checklistOf(deps.db, taskId) };
}
