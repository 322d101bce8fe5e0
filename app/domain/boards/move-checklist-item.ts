import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput } from "../validation";
import { checklistOf, lockTaskRow, taskOfItem, writePositions } from "./checklist";
import { moveChecklistItemSchema } from "./schemas";
import { accessVia, assertWritable, boardChanged, idFrom } from "./support";
import type { ChecklistItemView } from "./views";

/** Moves a checklist item to an index of its checklist (clamped). */
export async function moveChecklistItem(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<{ taskId: string; items: ChecklistItemView[] }> {
  const itemId = idFrom(input, "itemId");
  const access = await accessVia(deps, actor, "checklist_item", itemId, operationId);
  assertWritable(access);
  const { position } = parseInput(moveChecklistItemSchema, input);
  const opId = access.operation.id;
  const now = deps.now();
  const taskId = await taskOfItem(deps.db, itemId);
  if (!taskId) throw NotFound();
  await withTransaction(deps, async (tx, emit) => {
    const task = await lockTaskRow(tx, taskId);
    const items = await checklistOf(tx, taskId);
    const from = items.findIndex((i) => i.id === itemId);
    if (!task || from < 0) throw NotFound();
    const to = Math.min(position, items.length - 1);
    if (from === to) return;
    const order = items.filter((i) => i.id !== itemId);
    order.splice(to, 0, items[from]!);
    await writePositions(tx, order, now);
    await recordAudit(tx, actor, now, {
      action: "task.checklist_changed",
      targetType: "task",
      targetId: taskId,
      operationId: opId,
      details: { op: "moved", itemId, text: items[from]!.text, changes: { position: { from, to } } },
    });
    emit(boardChanged({ operationId: opId, change: "task.checklist_changed", taskId, columnId: task.columnId, version: task.version }));
  });
  return { taskId, items: await checklistOf(deps.db, taskId) };
}
