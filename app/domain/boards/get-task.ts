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
}

/** One card with its checklist, comments and links; a non-member's guess is a plain NotFound. */
export async function getTask(deps: ServiceDeps, { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown }): Promise<TaskPage> {
  const taskId = idFrom(input, "taskId");
  const access = await accessVia(deps, actor, "task", taskId, operationId);
  const task = await loadTaskDetail(deps.db, taskId, deps.now());
  if (!task) throw NotFound();
  return { task, memberRole: access.memberRole, readOnlyReason: access.readOnlyReason, canEdit: access.readOnlyReason === null };
}
