import { eq } from "drizzle-orm";
import { taskLinks } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput } from "../validation";
import { unlinkTasksSchema } from "./schemas";
import { accessVia, assertWritable, boardChanged, idFrom } from "./support";

/** Removes a link; both cards' histories record it. */
export async function unlinkTasks(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<{ linkId: string }> {
  const linkId = idFrom(input, "linkId");
  const access = await accessVia(deps, actor, "link", linkId, operationId);
  assertWritable(access);
  parseInput(unlinkTasksSchema, input);
  const opId = access.operation.id;
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    const [link] = await tx.delete(taskLinks).where(eq(taskLinks.id, linkId)).returning();
    if (!link) throw NotFound();
    for (const [target, otherId, direction] of [
      [link.fromTaskId, link.toTaskId, "outgoing"],
      [link.toTaskId, link.fromTaskId, "incoming"],
    ] as const)
      await recordAudit(tx, actor, now, {
        action: "task.unlinked",
        targetType: "task",
        targetId: target,
        operationId: opId,
        details: { linkId, kind: link.kind, direction, otherTaskId: otherId },
      });
    emit(boardChanged({ operationId: opId, change: "task.unlinked", taskId: link.fromTaskId }));
    return { linkId };
  });
}
