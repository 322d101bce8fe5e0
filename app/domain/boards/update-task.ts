import { and, eq, sql } from "drizzle-orm";
import { tasks } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid, NotFound } from "../errors";
import type { OperationAccess } from "../operations/access";
import { parseInput, type z } from "../validation";
import type { AuditAction } from "../vocabulary";
import { newDescriptionMentions } from "./description-mentions";
import { notifyTaskPeople } from "./notify-people";
import { updateTaskSchema, type PlannedActionInput } from "./schemas";
import { syncPlannedAction } from "./sync-deconfliction";
import {
  accessVia,
  assertLabelsOnBoard,
  assertMembers,
  assertWritable,
  boardChanged,
  changesBetween,
  idFrom,
  plannedActionColumns,
  replaceAssignees,
  replaceLabels,
  staleTask,
} from "./support";
import { loadTaskDetail, plannedActionOf, taskSets, type PlannedActionView, type TaskDetail } from "./views";

type TaskUpdate = Omit<z.output<typeof updateTaskSchema>, "taskId">;

export interface TaskUpdateResult {
  task: TaskDetail;
  /** false when the input matched the task already: nothing was written */
  changed: boolean;
  /** deconfliction hits a changed planned action raised */
  newHitIds: string[];
}

/**
 * Applies the fields present in `data` if the task is still at `data.version`;
 * otherwise Conflict with the current task. The update is conditional on the version,
 * so of two writers who saw the same version exactly one wins.
 */
export async function applyTaskUpdate(
  deps: ServiceDeps,
  actor: Actor,
  access: OperationAccess,
  taskId: string,
  data: TaskUpdate,
  action: Extract<AuditAction, "task.updated" | "task.assigned">,
): Promise<TaskUpdateResult> {
  const operationId = access.operation.id;
  const now = deps.now();
  const { changed, newHitIds } = await withTransaction(deps, async (tx, emit) => {
    const [current] = await tx.select().from(tasks).where(eq(tasks.id, taskId));
    if (!current) throw NotFound();
    if (current.version !== data.version) throw await staleTask(tx, taskId, now);

    // A planned action needs its kind, place and window; a general task has none.
    const type = data.type ?? (current.type as "general" | "planned_action");
    let plannedAction: PlannedActionInput | PlannedActionView | null = data.plannedAction !== undefined ? data.plannedAction : plannedActionOf(current);
    if (type === "general") {
      if (data.plannedAction) throw Invalid({ plannedAction: ["boards:errors.planned_action_forbidden"] });
      plannedAction = null;
    } else if (!plannedAction) {
      throw Invalid({ plannedAction: ["boards:errors.planned_action_required"] });
    }
    if (data.assigneeIds) await assertMembers(tx, operationId, data.assigneeIds, "assigneeIds", "boards:errors.assignee_not_member");
    if (data.labelIds) await assertLabelsOnBoard(tx, operationId, data.labelIds);

    const sets = await taskSets(tx, taskId);
    const before = {
      title: current.title,
      description: current.description,
      dueAt: current.dueAt,
      priority: current.priority,
      handlingCode: current.handlingCode,
      type: current.type,
      plannedAction: plannedActionOf(current),
      assigneeIds: sets.assigneeIds,
      labelIds: sets.labelIds,
    };
    const after: Partial<typeof before> = {};
    for (const key of ["title", "description", "dueAt", "priority", "handlingCode", "assigneeIds", "labelIds"] as const)
      if (data[key] !== undefined) (after as Record<string, unknown>)[key] = data[key];
    if (data.type !== undefined || data.plannedAction !== undefined) {
      after.type = type;
      after.plannedAction = plannedAction as PlannedActionView | null;
    }
    const changes = changesBetween(before, after);
    if (Object.keys(changes).length === 0) return { changed: false, newHitIds: [] as string[] };

    const set: Partial<typeof tasks.$inferInsert> = {};
    if (changes.title) set.title = data.title;
    if (changes.description) set.description = data.description;
    if (changes.dueAt) set.dueAt = data.dueAt;
    if (changes.priority) set.priority = data.priority;
    if (changes.handlingCode) set.handlingCode = data.handlingCode;
    if (changes.type || changes.plannedAction) Object.assign(set, { type }, plannedActionColumns(plannedAction));
    const [updated] = await tx
      .update(tasks)
      .set({ ...set, version: sql`${tasks.version} + 1`, updatedAt: now })
      .where(and(eq(tasks.id, taskId), eq(tasks.version, data.version)))
      .returning({ version: tasks.version, columnId: tasks.columnId });
    if (!updated) throw await staleTask(tx, taskId, now);

    const assigned = changes.assigneeIds ? await replaceAssignees(tx, taskId, sets.assigneeIds, data.assigneeIds!, actor, now) : [];
    if (changes.labelIds) await replaceLabels(tx, operationId, taskId, sets.labelIds, data.labelIds!);

    // members the description now names and did not before are told, as a comment's mentions are
    const mentioned = changes.description ? await newDescriptionMentions(tx, operationId, current.description, data.description!) : [];
    await notifyTaskPeople(tx, emit, actor.id, { operationId, taskId, title: data.title ?? current.title }, { assigned, mentioned });
    await recordAudit(tx, actor, now, { action, targetType: "task", targetId: taskId, operationId, details: { changes, ...(mentioned.length ? { mentions: mentioned } : {}) } });
    emit(
      boardChanged({
        operationId,
        change: action,
        taskId,
        columnId: updated.columnId,
        version: updated.version,
        ...(assigned.length ? { assignedUserIds: assigned } : {}),
        ...(mentioned.length ? { mentionedUserIds: mentioned } : {}),
      }),
    );
    // a new place or window is checked again; a card that stops being a planned action cancels it
    const hits = changes.type || changes.plannedAction ? await syncPlannedAction(deps, tx, emit, actor, taskId) : [];
    return { changed: true, newHitIds: hits };
  });
  return { task: (await loadTaskDetail(deps.db, taskId, now))!, changed, newHitIds };
}

/** Edits a card's fields, assignees and labels; `version` is the one the user saw. */
export async function updateTask(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<TaskUpdateResult> {
  const taskId = idFrom(input, "taskId");
  const access = await accessVia(deps, actor, "task", taskId, operationId);
  assertWritable(access);
  const { taskId: _, ...data } = parseInput(updateTaskSchema, input);
  return applyTaskUpdate(deps, actor, access, taskId, data, "task.updated");
}
