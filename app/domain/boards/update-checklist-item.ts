import { eq } from "drizzle-orm";
import { taskChecklistItems } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput } from "../validation";
import { checklistOf, lockTaskRow, taskOfItem } from "./checklist";
import { updateChecklistItemSchema } from "./schemas";
import { accessVia, assertWritable, boardChanged, changesBetween, given, idFrom } from "./support";
import type { ChecklistItemView } from "./views";

/** Edits a checklist item's text or ticks it off (or on again). */
export async function updateChecklistItem(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<{ taskId: string; items: ChecklistItemView[] }> {
  const itemId = idFrom(input, "itemId");
  const access = await accessVia(deps, actor, "checklist_item", itemId, operationId);
  assertWritable(access);
  const { itemId: _, ...parsed } = parseInput(updateChecklistItemSchema, input);
  const data = given(parsed);
  const opId = access.operation.id;
  const now = deps.now();
  const taskId = await taskOfItem(deps.db, itemId);
  if (!taskId) throw NotFound();
  await withTransaction(deps, async (tx, emit) => {
    const task = await lockTaskRow(tx, taskId);
    const [item] = await tx.select().from(taskChecklistItems).where(eq(taskChecklistItems.id, itemId));
    if (!task || !item) throw NotFound();
    const changes = changesBetween(item, data);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(taskChecklistItems)
      .set({ ...data, updatedAt: now })
      .where(eq(taskChecklistItems.id, itemId));
    await recordAudit(tx, actor, now, {
      action: "task.checklist_changed",
      targetType: "task",
      targetId: taskId,
      operationId: opId,
      details: { op: "updated", itemId, text: item.text, changes },
    });
    emit(boardChanged({ operationId: opId, change: "task.checklist_changed", taskId, columnId: task.columnId, version: task.version }));
  });
  return { taskId, items: await checklistOf(deps.db, taskId) };
}
