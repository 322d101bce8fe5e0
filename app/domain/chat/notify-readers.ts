// Chat notifications: mentions, and new messages in direct and group conversations.
// They name the channel, never the message's content, and the notification list shows
// them only while the recipient can still read the channel.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { channelMembers, channelReads } from "../../../db/schema/index";
import type { DomainEvent } from "../events";
import { notify, type NewNotification } from "../notifications/notify";
import type { ChannelRow } from "./access";

/** Notifications about a chat channel carry this subject, which the notification list checks for readership. */
export const CHAT_SUBJECT = "chat_channel";

export async function notifyChat(
  tx: Tx,
  emit: (e: DomainEvent) => void,
  authorId: string,
  channel: ChannelRow,
  message: { id: string; seq: number },
  mentioned: string[],
): Promise<void> {
  const base = {
    operationId: channel.operationId,
    subjectType: CHAT_SUBJECT,
    subjectId: channel.id,
    actorId: authorId,
  };
  const data = { channelId: channel.id, channelName: channel.name, channelKind: channel.kind, messageId: message.id, seq: message.seq };
  const rows: NewNotification[] = mentioned.map((userId) => ({
    ...base,
    userId,
    kind: "chat_mentioned",
    data,
    dedupeKey: `chat:mention:${message.id}`,
  }));
  if (channel.kind !== "operation") {
    // one notification per conversation until the recipient reads it: the key holds their read marker
    const recipients = await tx
      .select({ userId: channelMembers.userId, readSeq: sql<number>`coalesce(${channelReads.lastReadSeq}, 0)` })
      .from(channelMembers)
      .leftJoin(channelReads, and(eq(channelReads.channelId, channelMembers.channelId), eq(channelReads.userId, channelMembers.userId)))
      .where(and(eq(channelMembers.channelId, channel.id), ne(channelMembers.userId, authorId)));
    for (const r of recipients) {
      if (mentioned.includes(r.userId)) continue;
      rows.push({ ...base, userId: r.userId, kind: "chat_direct_message", data, dedupeKey: `chat:dm:${channel.id}:${Number(r.readSeq)}` });
    }
  }
  await notify(tx, emit, authorId, rows);
}
