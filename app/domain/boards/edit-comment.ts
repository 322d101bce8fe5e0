import { eq } from "drizzle-orm";
import { taskComments, tasks } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden, NotFound } from "../errors";
import { parseInput } from "../validation";
import { editCommentSchema } from "./schemas";
import { notifyTaskPeople } from "./notify-people";
import { accessVia, assertMembers, assertWritable, boardChanged, changesBetween, idFrom } from "./support";

/**
 * Its author edits a comment; it shows as edited, and the card's history keeps the
 * earlier text. Only newly mentioned users are announced again.
 */
export async function editComment(
  deps: ServiceDeps,
  { actor, operationId, input }: { actor: Actor; operationId?: string; input: unknown },
): Promise<{ taskId: string; commentId: string; changed: boolean }> {
  const commentId = idFrom(input, "commentId");
  const access = await accessVia(deps, actor, "comment", commentId, operationId);
  assertWritable(access);
  const [owner] = await deps.db.select({ authorId: taskComments.authorId }).from(taskComments).where(eq(taskComments.id, commentId));
  if (!owner) throw NotFound();
  if (owner.authorId !== actor.id) throw Forbidden("not_author");
  const data = parseInput(editCommentSchema, input);
  const opId = access.operation.id;
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    await assertMembers(tx, opId, data.mentions, "mentions", "boards:errors.mention_not_member");
    const [comment] = await tx.select().from(taskComments).where(eq(taskComments.id, commentId)).for("update");
    if (!comment) throw NotFound();
    const changes = changesBetween(comment, { body: data.body, mentions: data.mentions });
    if (Object.keys(changes).length === 0) return { taskId: comment.taskId, commentId, changed: false };
    await tx.update(taskComments).set({ body: data.body, mentions: data.mentions, editedAt: now }).where(eq(taskComments.id, commentId));
    const [task] = await tx.select({ version: tasks.version, columnId: tasks.columnId, title: tasks.title }).from(tasks).where(eq(tasks.id, comment.taskId));
    const newlyMentioned = data.mentions.filter((id) => !comment.mentions.includes(id));
    if (task) await notifyTaskPeople(tx, emit, actor.id, { operationId: opId, taskId: comment.taskId, title: task.title }, { mentioned: newlyMentioned });
    await recordAudit(tx, actor, now, {
      action: "task.comment_edited",
      targetType: "task",
      targetId: comment.taskId,
      operationId: opId,
      details: { commentId, changes },
    });
    emit(
      boardChanged({
        operationId: opId,
        change: "task.comment_edited",
        taskId: comment.taskId,
        columnId: task?.columnId,
        version: task?.version,
        ...(newlyMentioned.length ? { mentionedUserIds: newlyMentioned } : {}),
      }),
    );
    return { taskId: comment.taskId, commentId, changed: true };
  });
}
