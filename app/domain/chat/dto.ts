// Messages as readers see them: author with agency, mention names, reaction tallies,
// and a deleted message's body withheld.
import { createHash } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { agencies, messageReactions, messages, users } from "../../../db/schema/index";
import type { HandlingCode } from "../vocabulary";
import type { MessageDto, ReactionSummary } from "./types";

export type MessageRow = typeof messages.$inferSelect;

export const bodyHash = (body: string) => createHash("sha256").update(body, "utf8").digest("hex");

/** DTOs of these rows, in the rows' order; `viewerId` decides `reactions[].mine`. */
export async function toDtos(db: DbOrTx, rows: MessageRow[], viewerId: string | null): Promise<MessageDto[]> {
  if (rows.length === 0) return [];
  const userIds = new Set<string>();
  for (const r of rows) {
    userIds.add(r.authorId);
    if (!r.deletedAt) for (const m of r.mentions) userIds.add(m);
  }
  const [people, reactions] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, agencyName: agencies.name, country: agencies.country })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(inArray(users.id, [...userIds])),
    db
      .select({ messageId: messageReactions.messageId, userId: messageReactions.userId, emoji: messageReactions.emoji })
      .from(messageReactions)
      .where(
        inArray(
          messageReactions.messageId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(messageReactions.createdAt), asc(messageReactions.userId)),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const tallies = new Map<string, Map<string, string[]>>();
  for (const r of reactions) {
    let perMessage = tallies.get(r.messageId);
    if (!perMessage) tallies.set(r.messageId, (perMessage = new Map()));
    const list = perMessage.get(r.emoji) ?? [];
    list.push(r.userId);
    perMessage.set(r.emoji, list);
  }
  return rows.map((r) => {
    const author = byId.get(r.authorId) ?? { id: r.authorId, name: "?", agencyName: "", country: "" };
    const deleted = r.deletedAt !== null;
    const summary: ReactionSummary[] = [...(tallies.get(r.id) ?? new Map<string, string[]>()).entries()].map(([emoji, ids]) => ({
      emoji,
      count: ids.length,
      mine: viewerId !== null && ids.includes(viewerId),
      userIds: ids,
    }));
    return {
      id: r.id,
      channelId: r.channelId,
      seq: r.seq,
      parentId: r.parentId,
      author: { id: author.id, name: author.name, agencyName: author.agencyName, country: author.country },
      body: deleted ? null : r.body,
      handlingCode: r.handlingCode as HandlingCode,
      mentions: deleted ? [] : r.mentions.map((id) => ({ id, name: byId.get(id)?.name ?? "?" })),
      replyCount: r.replyCount,
      lastReplyAt: r.lastReplyAt?.toISOString() ?? null,
      editedAt: r.editedAt?.toISOString() ?? null,
      deletedAt: r.deletedAt?.toISOString() ?? null,
      reactions: deleted ? [] : summary,
      createdAt: r.createdAt.toISOString(),
      idempotencyKey: r.idempotencyKey,
    };
  });
}

export async function loadDto(db: DbOrTx, messageId: string, viewerId: string | null): Promise<MessageDto> {
  const rows = await db.select().from(messages).where(eq(messages.id, messageId));
  const [dto] = await toDtos(db, rows, viewerId);
  if (!dto) throw new Error(`message ${messageId} vanished`);
  return dto;
}
