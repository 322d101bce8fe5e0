import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { boardColumns, operationMembers, operations, taskAssignees, tasks } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { operationReadOnlyReason } from "../operations/access";
import { parseInput } from "../validation";
import type { BoardColumnPreset } from "../vocabulary";
import { myTasksSchema, MY_TASKS_PAGE_SIZE } from "./schemas";
import { assigneesOf, cardListColumns, labelsOf, toCard, type TaskCard } from "./views";

export interface MyTask extends TaskCard {
  operation: { id: string; codeName: string; readOnlyReason: "jit_expired" | "closed" | null };
  column: { id: string; name: string | null; preset: BoardColumnPreset | null };
}

export interface MyTasksPage {
  items: MyTask[];
  page: number;
  pageSize: number;
  total: number;
}

/** Urgent before high before normal before low, for cards due at the same time. */
export const priorityOrder = sql`array_position(array['urgent','high','normal','low']::text[], ${tasks.priority})`;

/**
 * The actor's open cards (not in a done column) across every operation they are still a
 * member of: soonest due first, cards without a due date last.
 */
export async function listMyTasks(deps: ServiceDeps, { actor, input }: { actor: Actor; input?: unknown }): Promise<MyTasksPage> {
  const { page } = parseInput(myTasksSchema, input ?? {});
  const pageSize = MY_TASKS_PAGE_SIZE;
  if (!actor.id) return { items: [], page, pageSize, total: 0 };
  const now = deps.now();
  const mine = and(eq(taskAssignees.taskId, tasks.id), eq(taskAssignees.userId, actor.id));
  const member = and(eq(operationMembers.operationId, tasks.operationId), eq(operationMembers.userId, actor.id));
  const open = and(eq(boardColumns.id, tasks.columnId), eq(boardColumns.isDone, false));

  const [rows, [counted]] = await Promise.all([
    deps.db
      .select({ ...cardListColumns, op: { id: operations.id, codeName: operations.codeName, status: operations.status, jitEnd: operations.jitEnd }, columnName: boardColumns.name, columnPreset: boardColumns.preset })
      .from(tasks)
      .innerJoin(taskAssignees, mine)
      .innerJoin(operationMembers, member)
      .innerJoin(boardColumns, open)
      .innerJoin(operations, eq(operations.id, tasks.operationId))
      .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(priorityOrder), asc(tasks.createdAt), asc(tasks.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tasks)
      .innerJoin(taskAssignees, mine)
      .innerJoin(operationMembers, member)
      .innerJoin(boardColumns, open),
  ]);
  const ids = rows.map((r) => r.task.id);
  const [assignees, labels] = ids.length ? await Promise.all([assigneesOf(deps.db, inArray(tasks.id, ids)), labelsOf(deps.db, inArray(tasks.id, ids))]) : [new Map(), new Map()];
  return {
    items: rows.map((r) => ({
      ...toCard(r, now, assignees.get(r.task.id) ?? [], labels.get(r.task.id) ?? []),
      operation: { id: r.op.id, codeName: r.op.codeName, readOnlyReason: operationReadOnlyReason(r.op, now) },
      column: { id: r.task.columnId, name: r.columnName, preset: r.columnPreset as BoardColumnPreset | null },
    })),
    page,
    pageSize,
    total: Number(counted?.n ?? 0),
  };
}
