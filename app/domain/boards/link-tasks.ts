import { and, eq, or } from "drizzle-orm";
import { taskLinks, tasks } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import { linkTasksSchema } from "./schemas";
import { accessVia, assertWritable, boardChanged, idFrom, violatedUnique } from "./support";

/**
 * Links this card to another card of the same operation: "relates to" (either way
 * round, once), "blocks" or "duplicates" (directed). A card of another operation is
 * answered exactly like a missing one.
 */
export async function linkTasks(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<{ linkId: string }> {
  const taskId = idFrom(input, "taskId");
  const access = await accessVia(deps, actor, "task", taskId, operationId);
  assertWritable(access);
  const data = parseInput(linkTasksSchema, input);
  if (data.otherTaskId === taskId) throw Invalid({ otherTaskId: ["boards:errors.link_self"] });
  const opId = access.operation.id;
  const now = deps.now();
  try {
    return await withTransaction(deps, async (tx, emit) => {
      const [other] = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.id, data.otherTaskId), eq(tasks.operationId, opId)));
      if (!other) throw Invalid({ otherTaskId: ["boards:errors.task_not_on_board"] });
      const forward = and(eq(taskLinks.fromTaskId, taskId), eq(taskLinks.toTaskId, data.otherTaskId), eq(taskLinks.kind, data.kind));
      const backward = and(eq(taskLinks.fromTaskId, data.otherTaskId), eq(taskLinks.toTaskId, taskId), eq(taskLinks.kind, data.kind));
      const existing = await tx
        .select({ id: taskLinks.id })
        .from(taskLinks)
        .where(data.kind === "relates_to" ? or(forward, backward) : forward);
      if (existing.length) throw Invalid({ kind: ["boards:errors.link_exists"] });
      const [link] = await tx
        .insert(taskLinks)
        .values({ operationId: opId, fromTaskId: taskId, toTaskId: data.otherTaskId, kind: data.kind, createdBy: actor.id, createdAt: now })
        .returning({ id: taskLinks.id });
      // one history row on each card, since both cards show the link
      for (const [target, otherId, direction] of [
        [taskId, data.otherTaskId, "outgoing"],
        [data.otherTaskId, taskId, "incoming"],
      ] as const)
        await recordAudit(tx, actor, now, {
          action: "task.linked",
          targetType: "task",
          targetId: target,
          operationId: opId,
          details: { linkId: link!.id, kind: data.kind, direction, otherTaskId: otherId },
        });
      emit(boardChanged({ operationId: opId, change: "task.linked", taskId }));
      return { linkId: link!.id };
    });
  } catch (err) {
    if (violatedUnique(err) === "task_links_pair_key") throw Invalid({ kind: ["boards:errors.link_exists"] });
    throw err;
  }
}
