import { tasks } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid } from "../errors";
import { getOperationForActor } from "../operations/access";
import { parseInput } from "../validation";
import { newDescriptionMentions } from "./description-mentions";
import { notifyTaskPeople } from "./notify-people";
import { createTaskSchema } from "./schemas";
import { syncPlannedAction } from "./sync-deconfliction";
import {
  assertLabelsOnBoard,
  assertMembers,
  assertWritable,
  boardChanged,
  changesBetween,
  ensureBoard,
  firstColumn,
  lockColumn,
  plannedActionColumns,
  rankInColumn,
  replaceAssignees,
  replaceLabels,
} from "./support";
import { loadTaskDetail, type TaskDetail } from "./views";

export interface CreatedTask extends TaskDetail {
  /** deconfliction hits the new planned action raised (both points of contact are told) */
  newHitIds: string[];
}

/**
 * A new card, at the end of the given column (or of the board's first column). A
 * planned action is checked against other operations' in the same transaction.
 */
export async function createTask(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId: string; input: unknown }): Promise<CreatedTask> {
  const access = await getOperationForActor(deps.db, operationId, actor, deps.now());
  assertWritable(access);
  const data = parseInput(createTaskSchema, input);
  const now = deps.now();

  const { taskId, newHitIds } = await withTransaction(deps, async (tx, emit) => {
    await ensureBoard(tx, operationId, actor, now, emit);
    const columnId = data.columnId ?? (await firstColumn(tx, operationId))?.id;
    const column = columnId ? await lockColumn(tx, operationId, columnId) : null;
    if (!column) throw Invalid({ columnId: ["boards:errors.column_not_on_board"] });
    await assertMembers(tx, operationId, data.assigneeIds, "assigneeIds", "boards:errors.assignee_not_member");
    await assertLabelsOnBoard(tx, operationId, data.labelIds);

    const rank = await rankInColumn(tx, column.id, {}, null);
    const [task] = await tx
      .insert(tasks)
      .values({
        operationId,
        columnId: column.id,
        rank,
        title: data.title,
        description: data.description,
        dueAt: data.dueAt,
        priority: data.priority,
        handlingCode: data.handlingCode,
        type: data.type,
        ...plannedActionColumns(data.plannedAction),
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tasks.id, version: tasks.version });
    const assigned = await replaceAssignees(tx, task!.id, [], data.assigneeIds, actor, now);
    await replaceLabels(tx, operationId, task!.id, [], data.labelIds);

    // a new card's history starts with the values it was given
    const initial = Object.fromEntries(
      Object.entries({
        title: data.title,
        description: data.description,
        columnId: column.id,
        dueAt: data.dueAt,
        priority: data.priority,
        handlingCode: data.handlingCode,
        type: data.type,
        plannedAction: data.plannedAction,
        assigneeIds: data.assigneeIds,
        labelIds: data.labelIds,
      }).filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && v.length === 0)),
    );
    const changes = changesBetween({}, initial);
    const mentioned = await newDescriptionMentions(tx, operationId, "", data.description);
    await notifyTaskPeople(tx, emit, actor.id, { operationId, taskId: task!.id, title: data.title }, { assigned, mentioned });
    await recordAudit(tx, actor, now, {
      action: "task.created",
      targetType: "task",
      targetId: task!.id,
      operationId,
      details: { changes, ...(mentioned.length ? { mentions: mentioned } : {}) },
    });
    emit(
      boardChanged({
        operationId,
        change: "task.created",
        taskId: task!.id,
        columnId: column.id,
        version: task!.version,
        ...(assigned.length ? { assignedUserIds: assigned } : {}),
        ...(mentioned.length ? { mentionedUserIds: mentioned } : {}),
      }),
    );
    const hits = data.type === "planned_action" ? await syncPlannedAction(deps, tx, emit, actor, task!.id) : [];
    return { taskId: task!.id, newHitIds: hits };
  });
  return { ...(await loadTaskDetail(deps.db, taskId, now))!, newHitIds };
}
