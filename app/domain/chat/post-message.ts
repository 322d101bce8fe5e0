import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { agencies, messages, users } from "../../../db/schema/index";
import { recordAudit, rowsOf } from "../audit/record-audit";
import { withTransaction, type Actor, type ServiceDeps } from "../context";
import { Conflict, Invalid, NotFound } from "../errors";
import { parseInput } from "../validation";
import { assertCanPost, getChannelForActor, readersAmong } from "./access";
import { bodyHash, loadDto, toDtos } from "./dto";
import { notifyChat } from "./notify-readers";
import { postMessageSchema } from "./schemas";
import { idFrom, uniqueViolation } from "./support";
import type { ChatUserRef, MessageDto, PostResult } from "./types";

const textArray = (values: string[]) =>
  values.length === 0 ? sql`'{}'::text[]` : sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

async function authorRef(deps: ServiceDeps, userId: string): Promise<ChatUserRef> {
  const [row] = await deps.db
    .select({ id: users.id, name: users.name, agencyName: agencies.name, country: agencies.country })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  if (!row) throw NotFound();
  return row;
}

async function userNames(deps: ServiceDeps, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function existing(deps: ServiceDeps, authorId: string, idempotencyKey: string, channelId: string): Promise<PostResult | null> {
  const rows = await deps.db
    .select()
    .from(messages)
    .where(and(eq(messages.authorId, authorId), eq(messages.idempotencyKey, idempotencyKey)));
  if (!rows[0]) return null;
  // the same key for another channel is a client bug, not a retry
  if (rows[0].channelId !== channelId) throw Conflict("idempotency_key_reused");
  const [message] = await toDtos(deps.db, rows, authorId);
  return { message: message!, duplicate: true };
}

/**
 * Persisted first: the message, its sequence number, the thread counters, the
 * notifications and the audit row commit together; the broadcast follows the commit.
 * A retry with the same idempotency key returns the first message and publishes nothing.
 */
export async function postMessage(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<PostResult> {
  const channelId = idFrom(input, "channelId");
  const access = await getChannelForActor(deps.db, channelId, actor, deps.now());
  const data = parseInput(postMessageSchema, input);
  const me = actor.id!;
  // a retry after the channel was archived still learns its message was kept
  const again = await existing(deps, me, data.idempotencyKey, channelId);
  if (again) return again;
  assertCanPost(access);

  const readers = await readersAmong(deps.db, channelId, data.mentions);
  if (data.mentions.some((id) => !readers.has(id))) throw Invalid({ mentions: ["chat:errors.mention_not_reader"] });

  let parentId: string | null = null;
  if (data.parentId) {
    const [parent] = await deps.db
      .select({ id: messages.id, parentId: messages.parentId, deletedAt: messages.deletedAt })
      .from(messages)
      .where(and(eq(messages.id, data.parentId), eq(messages.channelId, channelId)));
    if (!parent) throw Invalid({ parentId: ["chat:errors.thread_not_found"] });
    // a reply to a reply joins the root's thread: threads are one level deep
    parentId = parent.parentId ?? parent.id;
  }

  // everything the broadcast needs is read before the transaction, so the channel's row
  // lock (which serialises the channel's posts) is held for the writes alone
  const [author, mentioned] = await Promise.all([authorRef(deps, me), userNames(deps, data.mentions)]);
  const messageId = randomUUID();
  const now = deps.now();
  try {
    const message = await withTransaction(deps, async (tx, emit) => {
      // one statement: the channel row lock (held to commit) orders posts, so seq is
      // strictly increasing and commits in order; the lock is held for as few round trips as possible
      const inserted = rowsOf<{ seq: string | number }>(
        await tx.execute(sql`
          with bumped as (
            update channels set last_seq = last_seq + 1, last_message_at = ${now.toISOString()}::timestamptz
            where id = ${channelId} returning last_seq)
          insert into messages (id, channel_id, seq, author_id, parent_id, body, handling_code, mentions, idempotency_key, created_at)
          select ${messageId}::uuid, ${channelId}::uuid, bumped.last_seq, ${me}, ${parentId}::uuid, ${data.body}, ${data.handlingCode},
            ${textArray(data.mentions)}, ${data.idempotencyKey}, ${now.toISOString()}::timestamptz
          from bumped
          returning seq`),
      );
      if (!inserted[0]) throw NotFound();
      const bumped = { seq: Number(inserted[0].seq) };
      if (parentId) {
        await tx
          .update(messages)
          .set({ replyCount: sql`${messages.replyCount} + 1`, lastReplyAt: now })
          .where(eq(messages.id, parentId));
      }
      await notifyChat(tx, emit, me, access.channel, { id: messageId, seq: bumped.seq }, data.mentions);
      await recordAudit(tx, actor, now, {
        action: "chat.message_posted",
        targetType: "message",
        targetId: messageId,
        operationId: access.channel.operationId,
        details: {
          channelId,
          seq: bumped.seq,
          parentId,
          bodySha256: bodyHash(data.body),
          length: data.body.length,
          handlingCode: data.handlingCode,
          mentions: [...data.mentions].sort(),
          idempotencyKey: data.idempotencyKey,
        },
      });
      const dto: MessageDto = {
        id: messageId,
        channelId,
        seq: bumped.seq,
        parentId,
        author,
        body: data.body,
        handlingCode: data.handlingCode,
        mentions: data.mentions.map((id) => ({ id, name: mentioned.get(id) ?? "?" })),
        replyCount: 0,
        lastReplyAt: null,
        editedAt: null,
        deletedAt: null,
        reactions: [],
        createdAt: now.toISOString(),
        idempotencyKey: data.idempotencyKey,
      };
      emit({ name: "chat.message_posted", payload: { channelId, message: dto } });
      return dto;
    });
    // the root's new reply count, read after the commit like any reader would
    if (parentId) deps.events.publish({ name: "chat.message_updated", payload: { channelId, message: await loadDto(deps.db, parentId, null) } });
    return { message, duplicate: false };
  } catch (err) {
    // two concurrent retries of one post: the loser's transaction (and its seq) rolled back
    if (uniqueViolation(err) !== null) {
      const first = await existing(deps, me, data.idempotencyKey, channelId);
      if (first) return first;
    }
    throw err;
  }
}
