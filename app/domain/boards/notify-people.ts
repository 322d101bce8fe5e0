import type { Tx } from "../../../db/client";
import type { DomainEvent } from "../events";
import { notify } from "../notifications/notify";

/**
 * Tells newly assigned or mentioned members about a card, in the change's own
 * transaction: the notification exists exactly when the change does. Only the
 * title travels, never the description or comment.
 */
export async function notifyTaskPeople(
  tx: Tx,
  emit: (e: DomainEvent) => void,
  actorId: string | null,
  task: { operationId: string; taskId: string; title: string },
  people: { assigned?: string[]; mentioned?: string[] },
) {
  const base = { operationId: task.operationId, subjectType: "task", subjectId: task.taskId, data: { title: task.title } };
  await notify(tx, emit, actorId, [
    ...(people.assigned ?? []).map((userId) => ({ ...base, userId, kind: "task_assigned" as const })),
    ...(people.mentioned ?? []).map((userId) => ({ ...base, userId, kind: "task_mentioned" as const })),
  ]);
}
