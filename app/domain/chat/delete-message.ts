import { eq } from "drizzle-orm";
import { messages } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Forbidden, NotFound } from "../errors";
import { getMessageForActor } from "./access";
import { loadDto } from "./dto";
import { idFrom } from "./support";
import type { MessageDto } from "./types";

/**
 * Its author, or a lead of the channel's operation, deletes a message. It stays as a
 * tombstone (its place and thread kept, its body withheld from readers); the audit
 * row keeps the original text for investigators.
 */
export async function deleteMessage(
  deps: ServiceDeps,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<{ message: MessageDto; changed: boolean }> {
  const messageId = idFrom(input, "messageId");
  const { message: found, access } = await getMessageForActor(deps.db, messageId, actor, deps.now());
  const asLead = access.channel.kind === "operation" && access.memberRole === "lead";
  if (found.authorId !== actor.id && !asLead) throw Forbidden("not_author");
  // a closed operation's record, or an expired agreement's, is no longer changed
  if (access.operationFrozen) throw Forbidden("read_only");
  const me = actor.id!;
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    const [current] = await tx.select().from(messages).where(eq(messages.id, messageId)).for("update");
    if (!current) throw NotFound();
    if (current.deletedAt) return { message: await loadDto(tx, messageId, me), changed: false };
    await tx.update(messages).set({ deletedAt: now, deletedBy: me }).where(eq(messages.id, messageId));
    await recordAudit(tx, actor, now, {
      action: "chat.message_deleted",
      targetType: "message",
      targetId: messageId,
      operationId: access.channel.operationId,
      details: {
        channelId: current.channelId,
        seq: current.seq,
        authorId: current.authorId,
        body: current.body,
        handlingCode: current.handlingCode,
        mentions: [...current.mentions].sort(),
        createdAt: current.createdAt.toISOString(),
        as: current.authorId === me ? "author" : "lead",
      },
    });
    const message = await loadDto(tx, messageId, me);
    emit({ name: "chat.message_updated", payload: { channelId: current.channelId, message } });
    return { message, changed: true };
  });
}
