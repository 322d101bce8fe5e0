import { taskChecklistItems } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import { checklistOf, lockTaskRow, writePositions } from "./checklist";
import { addChecklistItemSchema, CHECKLIST_ITEMS_MAX } from "./schemas";
import { accessVia, assertWritable, boardChanged, idFrom } from "./support";
import type { ChecklistItemView } from "./views";

/**
 * Adds an item to a card's checklist (at `position`, else at the end). Checklist items
 * are changed one by one and never overwrite a card edit, so no version is required.
 */
export async function addChecklistItem(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<{ taskId: string; itemId: string; items: ChecklistItemView[] }> {
  const taskId = idFrom(input, "taskId");
  const access = await accessVia(deps, actor, "task", taskId, operationId);
  assertWritable(access);
  const data = parseInput(addChecklistItemSchema, input);
  const opId = access.operation.id;
  const now = deps.now();
  const itemId = await withTransaction(deps, async (tx, emit) => {
    const task = await lockTaskRow(tx, taskId);
    if (!task) throw NotFound();
    const items = await checklistOf(tx, taskId);
    if (items.length >= CHECKLIST_ITEMS_MAX) throw Invalid({ text: ["boards:errors.checklist_full"] });
    const at = Math.min(data.position ?? items.length, items.length);
    await writePositions(tx, [...items.slice(0, at), null, ...items.slice(at)], now);
    const [item] = await tx.insert(taskChecklistItems).values({ taskId, text: data.text, position: at, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, actor, now, {
      action: "task.checklist_changed",
      targetType: "task",
      targetId: taskId,
      operationId: opId,
      details: { op: "added", itemId: item!.id, changes: { text: { from: null, to: data.text }, position: { from: null, to: at } } },
    });
    emit(boardChanged({ operationId: opId, change: "task.checklist_changed", taskId, columnId: task.columnId, version: task.version }));
    return item!.id;
  });
  return { taskId, itemId, items: await checklistOf(deps.db, taskId) };
}
