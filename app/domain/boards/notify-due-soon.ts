import { and, asc, eq, gt, isNull, lte, ne, sql } from "drizzle-orm";
import { boardColumns, operationMembers, operations, taskAssignees, tasks, users } from "../../../db/schema/index";
import { withTransaction, type ServiceDeps } from "../context";
import { notify, type NewNotification } from "../notifications/notify";

/** How far ahead a due date raises a reminder. */
export const DUE_SOON_WINDOW_MS = 24 * 3_600_000;

/** One reminder per person, card and due date: moving the due date arms it again. */
export const dueSoonKey = (taskId: string, dueAt: Date) => `task_due_soon:${taskId}:${dueAt.toISOString()}`;

/**
 * Reminds the assignees of open cards due within the next 24 hours. Run by the server
 * on an interval; the dedupe key and its unique index make a repeated or concurrent
 * run (several processes) a no-op, so each person hears of each due date once.
 * Cards in a done column, in an archived column or in a closed operation are not
 * reminded, nor is an assignee who has left the operation or whose account is disabled.
 */
export async function notifyDueSoon(deps: ServiceDeps, { now = deps.now() }: { now?: Date } = {}): Promise<{ notified: number }> {
  const until = new Date(now.getTime() + DUE_SOON_WINDOW_MS);
  return withTransaction(deps, async (tx, emit) => {
    const rows = await tx
      .select({ taskId: tasks.id, operationId: tasks.operationId, title: tasks.title, dueAt: tasks.dueAt, userId: taskAssignees.userId })
      .from(tasks)
      .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
      .innerJoin(operations, eq(operations.id, tasks.operationId))
      .innerJoin(taskAssignees, eq(taskAssignees.taskId, tasks.id))
      // an assignee who left keeps the card until reassigned, but hears nothing more of it
      .innerJoin(operationMembers, and(eq(operationMembers.operationId, tasks.operationId), eq(operationMembers.userId, taskAssignees.userId)))
      .innerJoin(users, eq(users.id, taskAssignees.userId))
      .where(
        and(
          gt(tasks.dueAt, now),
          lte(tasks.dueAt, until),
          eq(boardColumns.isDone, false),
          isNull(boardColumns.archivedAt),
          ne(operations.status, "closed"),
          isNull(users.disabledAt),
          // already reminded of this due date: skip it here rather than rely on the conflict alone
          sql`not exists (select 1 from notifications n where n.user_id = ${taskAssignees.userId}
                and n.dedupe_key = 'task_due_soon:' || ${tasks.id}::text || ':' || to_char(${tasks.dueAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
        ),
      )
      .orderBy(asc(tasks.dueAt), asc(tasks.id), asc(taskAssignees.userId));
    if (rows.length === 0) return { notified: 0 };
    const wanted: NewNotification[] = rows.map((r) => ({
      userId: r.userId,
      kind: "task_due_soon",
      operationId: r.operationId,
      subjectType: "task",
      subjectId: r.taskId,
      data: { title: r.title, dueAt: r.dueAt!.toISOString() },
      dedupeKey: dueSoonKey(r.taskId, r.dueAt!),
    }));
    return { notified: await notify(tx, emit, null, wanted) };
  });
}
