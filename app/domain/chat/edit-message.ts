import { eq } from "drizzle-orm";
import { messageVersions, messages } from "../../../db/schema/index";
import { recordAudit } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Forbidden, Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import { assertCanPost, getMessageForActor, readersAmong } from "./access";
import { bodyHash, loadDto } from "./dto";
import { notifyChat } from "./notify-readers";
import { editMessageSchema } from "./schemas";
import { idFrom } from "./support";
import type { MessageDto } from "./types";

/**
 * Its author edits a message. The previous text goes to message_versions (readers can
 * see it) and, in full, to the audit row; only newly mentioned people are notified.
 */
export async function editMessage(
  deps: ServiceDeps,
  { actor, input }: { actor: Actor; input: unknown },
): Promise<{ message: MessageDto; changed: boolean }> {
  const messageId = idFrom(input, "messageId");
  const { message: found, access } = await getMessageForActor(deps.db, messageId, actor, deps.now());
  if (found.authorId !== actor.id) throw Forbidden("not_author");
  assertCanPost(access);
  const data = parseInput(editMessageSchema, input);
  const me = actor.id!;
  const readers = await readersAmong(deps.db, found.channelId, data.mentions);
  if (data.mentions.some((id) => !readers.has(id))) throw Invalid({ mentions: ["chat:errors.mention_not_reader"] });
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    const [current] = await tx.select().from(messages).where(eq(messages.id, messageId)).for("update");
    if (!current) throw NotFound();
    if (current.deletedAt) throw Conflict("message_deleted");
    const handlingCode = data.handlingCode ?? current.handlingCode;
    const sameMentions = [...current.mentions].sort().join() === [...data.mentions].sort().join();
    if (current.body === data.body && current.handlingCode === handlingCode && sameMentions) {
      return { message: await loadDto(tx, messageId, me), changed: false };
    }
    await tx.insert(messageVersions).values({ messageId, body: current.body, handlingCode: current.handlingCode, replacedAt: now, replacedBy: me });
    await tx.update(messages).set({ body: data.body, handlingCode, mentions: data.mentions, editedAt: now }).where(eq(messages.id, messageId));
    const newlyMentioned = data.mentions.filter((id) => !current.mentions.includes(id));
    if (newlyMentioned.length > 0) {
      await notifyChat(tx, emit, me, access.channel, { id: messageId, seq: current.seq }, newlyMentioned);
    }
    await recordAudit(tx, actor, now, {
      action: "chat.message_edited",
      targetType: "message",
      targetId: messageId,
      operationId: access.channel.operationId,
      details: {
        channelId: current.channelId,
        seq: current.seq,
        previousBody: current.body,
        previousHandlingCode: current.handlingCode,
        previousMentions: [...current.mentions].sort(),
        bodySha256: bodyHash(data.body),
        handlingCode,
        mentions: [...data.mentions].sort(),
      },
    });
    const message = await loadDto(tx, messageId, me);
    emit({ name: "chat.message_updated", payload: { channelId: current.channelId, message } });
    return { message, changed: true };
  });
}
