import { and, eq } from "drizzle-orm";
import { messageReactions, messages } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, NotFound } from "../errors";
import { parseInput } from "../validation";
import { assertCanPost, getMessageForActor } from "./access";
import { loadDto } from "./dto";
import { toggleReactionSchema } from "./schemas";
import { idFrom } from "./support";
import type { MessageDto } from "./types";

/** Adds the actor's reaction, or takes it back if it was there. */
export async function toggleReaction(
  deps: ServiceDeps,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<{ message: MessageDto; added: boolean }> {
  const messageId = idFrom(input, "messageId");
  const { access } = await getMessageForActor(deps.db, messageId, actor, deps.now());
  assertCanPost(access);
  const { emoji } = parseInput(toggleReactionSchema, input);
  const me = actor.id!;
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    // the message row lock serialises toggles, so a double click is add-then-remove, never a key clash
    const [current] = await tx.select({ deletedAt: messages.deletedAt, channelId: messages.channelId }).from(messages).where(eq(messages.id, messageId)).for("update");
    if (!current) throw NotFound();
    if (current.deletedAt) throw Conflict("message_deleted");
    const removed = await tx
      .delete(messageReactions)
      .where(and(eq(messageReactions.messageId, messageId), eq(messageReactions.userId, me), eq(messageReactions.emoji, emoji)))
      .returning({ emoji: messageReactions.emoji });
    const added = removed.length === 0;
    if (added) await tx.insert(messageReactions).values({ messageId, userId: me, emoji, createdAt: now });
    await recordAudit(tx, actor, now, {
      action: "chat.reaction_toggled",
      targetType: "message",
      targetId: messageId,
      operationId: access.channel.operationId,
      details: { channelId: current.channelId, emoji, added },
    });
    const message = await loadDto(tx, messageId, me);
    emit({ name: "chat.message_updated", payload: { channelId: current.channelId, message } });
    return { message, added };
  });
}
