import { asc, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../../db/client";
import { taskChecklistItems, tasks } from "../../../db/schema/index";
import type { ChecklistItemView } from "./views";

/**
 * Locks the card's row for a checklist change: changes to one checklist are
 * serialised, so positions stay a gapless 0..n-1. The version is not bumped.
 */
export async function lockTaskRow(tx: Tx, taskId: string): Promise<{ version: number; columnId: string } | null> {
  const [row] = await tx.select({ version: tasks.version, columnId: tasks.columnId }).from(tasks).where(eq(tasks.id, taskId)).for("no key update");
  return row ?? null;
}

export async function checklistOf(db: DbOrTx, taskId: string): Promise<ChecklistItemView[]> {
  return db
    .select({ id: taskChecklistItems.id, text: taskChecklistItems.text, done: taskChecklistItems.done, position: taskChecklistItems.position })
    .from(taskChecklistItems)
    .where(eq(taskChecklistItems.taskId, taskId))
    .orderBy(asc(taskChecklistItems.position), asc(taskChecklistItems.createdAt));
}

/**
 * Writes positions 0..n-1 in the given order, touching only the items whose position
 * changed; a null entry keeps its slot free for an item about to be inserted.
 */
export async function writePositions(tx: Tx, items: (ChecklistItemView | null)[], now: Date): Promise<void> {
  for (const [i, item] of items.entries())
    if (item && item.position !== i) await tx.update(taskChecklistItems).set({ position: i, updatedAt: now }).where(eq(taskChecklistItems.id, item.id));
}

export async function taskOfItem(db: DbOrTx, itemId: string): Promise<string | null> {
  const [row] = await db.select({ taskId: taskChecklistItems.taskId }).from(taskChecklistItems).where(eq(taskChecklistItems.id, itemId));
  return row?.taskId ?? null;
}
