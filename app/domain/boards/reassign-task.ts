import type { Actor, ServiceDeps } from "../context";
import { parseInput } from "../validation";
import { reassignTaskSchema } from "./schemas";
import { accessVia, assertWritable, idFrom } from "./support";
import { applyTaskUpdate, type TaskUpdateResult } from "./update-task";

/**
 * Sets who works on a card (the workload view's action). Same rules as any edit:
 * members only, and only from the version the user saw.
 */
export async function reassignTask(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<TaskUpdateResult> {
  const taskId = idFrom(input, "taskId");
  const access = await accessVia(deps, actor, "task", taskId, operationId);
  assertWritable(access);
  const { version, assigneeIds } = parseInput(reassignTaskSchema, input);
  return applyTaskUpdate(deps, actor, access, taskId, { version, assigneeIds }, "task.assigned");
}
