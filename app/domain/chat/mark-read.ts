import { and, eq, isNull, sql } from "drizzle-orm";
import { channelReads, notifications } from "../../../db/schema/index";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { parseInput } from "../validation";
import { getChannelForActor } from "./access";
import { CHAT_SUBJECT } from "./notify-readers";
import { markReadSchema } from "./schemas";
import { idFrom } from "./support";

/**
 * Moves the actor's read marker forward (never back, never past the channel's last
 * message) and marks the chat notifications it covers as read. Not audited: it is the
 * reader's own bookmark, written at every scroll, and reveals nothing an investigator needs.
 */
export async function markRead(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<{ channelId: string; seq: number }> {
  const channelId = idFrom(input, "channelId");
  const access = await getChannelForActor(deps.db, channelId, actor, deps.now());
  const { seq } = parseInput(markReadSchema, input);
  const me = actor.id!;
  const target = Math.min(seq, access.channel.lastSeq);
  const now = deps.now();
  return withTransaction(deps, async (tx, emit) => {
    const [row] = await tx
      .insert(channelReads)
      .values({ channelId, userId: me, lastReadSeq: target, updatedAt: now })
      .onConflictDoUpdate({
        target: [channelReads.channelId, channelReads.userId],
        set: { lastReadSeq: sql`greatest(${channelReads.lastReadSeq}, excluded.last_read_seq)`, updatedAt: now },
      })
      .returning({ seq: channelReads.lastReadSeq });
    const readSeq = row!.seq;
    await tx
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.userId, me),
          eq(notifications.subjectType, CHAT_SUBJECT),
          eq(notifications.subjectId, channelId),
          isNull(notifications.readAt),
          sql`coalesce((${notifications.data}->>'seq')::bigint, 0) <= ${readSeq}`,
        ),
      );
    emit({ name: "chat.read_marked", payload: { channelId, userId: me, seq: readSeq } });
    return { channelId, seq: readSeq };
  });
}
