import { taskComments, tasks } from "../../../db/schema/index";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { NotFound } from "../errors";
import { parseInput } from "../validation";
import { notifyTaskPeople } from "./notify-people";
import { addCommentSchema } from "./schemas";
import { accessVia, assertMembers, assertWritable, boardChanged, idFrom } from "./support";

/**
 * Comments on a card. Mentions are user ids of the operation's members; the event
 * carries them so notifications can follow. Comments do not move the card's version.
 */
export async function addComment(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<{ taskId: string; commentId: string }> {
  const taskId = idFrom(input, "taskId");
  const access = await accessVia(deps, actor, "task", taskId, operationId);
  assertWritable(access);
  const data = parseInput(addCommentSchema, input);
  const opId = access.operation.id;
  const now = deps.now();
  const commentId = await withTransaction(deps, async (tx, emit) => {
    await assertMembers(tx, opId, data.mentions, "mentions", "boards:errors.mention_not_member");
    const [task] = await tx.select({ version: tasks.version, columnId: tasks.columnId, title: tasks.title }).from(tasks).where(eq(tasks.id, taskId));
    if (!task) throw NotFound();
    const [comment] = await tx
      .insert(taskComments)
      .values({ taskId, authorId: actor.id!, body: data.body, mentions: data.mentions, createdAt: now })
      .returning({ id: taskComments.id });
    await notifyTaskPeople(tx, emit, actor.id, { operationId: opId, taskId, title: task.title }, { mentioned: data.mentions });
    await recordAudit(tx, actor, now, {
      action: "task.commented",
      targetType: "task",
      targetId: taskId,
      operationId: opId,
      details: { commentId: comment!.id, mentions: data.mentions },
    });
    emit(
      boardChanged({
        operationId: opId,
        change: "task.commented",
        taskId,
        columnId: task.columnId,
        version: task.version,
        ...(data.mentions.length ? { mentionedUserIds: data.mentions } : {}),
      }),
    );
    return comment!.id;
  });
  return { taskId, commentId };
}
