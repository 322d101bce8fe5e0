import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { boardColumns, tasks } from "../../../db/schema/index";
import type { Actor, ServiceDeps } from "../context";
import { NotFound } from "../errors";
import type { MemberRole } from "../vocabulary";
import { accessVia, idFrom } from "./support";
import { loadTaskDetail, type TaskDetail } from "./views";

export interface TaskPage {
  task: TaskDetail;
  memberRole: MemberRole;
  readOnlyReason: "observer" | "jit_expired" | "closed" | null;
  canEdit: boolean;
  /** the board's other cards, by column and card order: what the card may be linked to (empty when read-only) */
  linkable: { id: string; title: string }[];
}

/** One card with its checklist, comments and links; a non-member's guess is a plain NotFound. */
export async function getTask(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown }): Promise<TaskPage> {
  const taskId = idFrom(input, "taskId");
  const access = await accessVia(deps, actor, "task", taskId, operationId);
  const canEdit = access.readOnlyReason === null;
  const [task, linkable] = await Promise.all([
    loadTaskDetail(deps.db, taskId, deps.now()),
    canEdit
      ? deps.db
          .select({ id: tasks.id, title: tasks.title })
          .from(tasks)
          .innerJoin(boardColumns, eq(boardColumns.id, tasks.columnId))
          .where(and(eq(tasks.operationId, access.operation.id), isNull(boardColumns.archivedAt), ne(tasks.id, taskId)))
          .orderBy(asc(boardColumns.position), asc(boardColumns.createdAt), asc(tasks.rank))
      : Promise.resolve([]),
  ]);
  if (!task) throw NotFound();
  return { task, memberRole: access.memberRole, readOnlyReason: access.readOnlyReason, canEdit, linkable };
}
