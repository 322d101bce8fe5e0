import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { agencies, messages, users } from "../../../db/schema/index";
import { AUDIT_LOCK_SQL, AuditSqlInteger, auditInsertSql, literal, rowsOf } from "../audit/record-audit";
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
  values.length === 0 ? sql`'{}'::text[]` : sql`array[${sql.join(values.map((v) => literal(v)), sql`, `)}]::text[]`;

/** postgres.js (not the embedded PGlite, whose statements go one by one): several statements per query. */
const isPostgresJs = (db: ServiceDeps["db"]) => typeof (db as unknown as { $client?: unknown }).$client === "function";

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

type MessageRow = typeof messages.$inferSelect;

async function threadRoot(deps: ServiceDeps, channelId: string, parentId: string) {
  const [parent] = await deps.db
    .select({ id: messages.id, parentId: messages.parentId })
    .from(messages)
    .where(and(eq(messages.id, parentId), eq(messages.channelId, channelId)));
  return parent ?? null;
}
type PostMessageInputParsed = ReturnType<typeof postMessageSchema.parse>;

async function earlierPost(deps: ServiceDeps, authorId: string, idempotencyKey: string): Promise<MessageRow | null> {
  const rows = await deps.db
    .select()
    .from(messages)
    .where(and(eq(messages.authorId, authorId), eq(messages.idempotencyKey, idempotencyKey)));
  return rows[0] ?? null;
}

async function asRetry(deps: ServiceDeps, row: MessageRow, authorId: string, channelId: string): Promise<PostResult> {
  // the same key for another channel is a client bug, not a retry
  if (row.channelId !== channelId) throw Conflict("idempotency_key_reused");
  const [message] = await toDtos(deps.db, [row], authorId);
  return { message: message!, duplicate: true };
}

async function existing(deps: ServiceDeps, authorId: string, idempotencyKey: string, channelId: string): Promise<PostResult | null> {
  const row = await earlierPost(deps, authorId, idempotencyKey);
  return row ? asRetry(deps, row, authorId, channelId) : null;
}

/**
 * Persisted first: the message, its sequence number, the thread counters, the
 * notifications and the audit row commit together; the broadcast follows the commit.
 * A retry with the same idempotency key returns the first message and publishes nothing.
 */
export async function postMessage(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }): Promise<PostResult> {
  const channelId = idFrom(input, "channelId");
  // parsed at once, but a parse error is told only to a reader of the channel (below)
  let data: PostMessageInputParsed | null = null;
  let invalid: unknown = null;
  try {
    data = parseInput(postMessageSchema, input);
  } catch (err) {
    invalid = err;
  }
  const me = actor.id!;
  // the reads the post needs do not depend on each other: one round trip of latency for all
  const [access, earlier, author, mentioned, readers, parent] = await Promise.all([
    getChannelForActor(deps.db, channelId, actor, deps.now()),
    data ? earlierPost(deps, me, data.idempotencyKey) : null,
    data ? authorRef(deps, me) : null,
    data ? userNames(deps, data.mentions) : null,
    data ? readersAmong(deps.db, channelId, data.mentions) : null,
    data?.parentId ? threadRoot(deps, channelId, data.parentId) : null,
  ]);
  if (!data) throw invalid;
  // a retry after the channel was archived still learns its message was kept
  if (earlier) return asRetry(deps, earlier, me, channelId);
  assertCanPost(access);

  if (data.mentions.some((id) => !readers!.has(id))) throw Invalid({ mentions: ["chat:errors.mention_not_reader"] });

  if (data.parentId && !parent) throw Invalid({ parentId: ["chat:errors.thread_not_found"] });
  // a reply to a reply joins the root's thread: threads are one level deep
  const parentId = parent ? (parent.parentId ?? parent.id) : null;

  // everything the broadcast needs was read before the transaction, so the channel's row
  // lock (which serialises the channel's posts) is held for the writes alone
  const messageId = randomUUID();
  const now = deps.now();
  const dtoAt = (seq: number): MessageDto => ({
    id: messageId,
    channelId,
    seq,
    parentId,
    author: author!,
    body: data.body,
    handlingCode: data.handlingCode,
    mentions: data.mentions.map((id) => ({ id, name: mentioned!.get(id) ?? "?" })),
    replyCount: 0,
    lastReplyAt: null,
    editedAt: null,
    deletedAt: null,
    reactions: [],
    createdAt: now.toISOString(),
    idempotencyKey: data.idempotencyKey,
  });
  // Every value is written into the statements (`literal`): statements without parameters
  // go to the server in one round trip each, and several in one message.
  // The message: one statement, whose channel row lock (held to commit) orders the
  // channel's posts, so seq is strictly increasing and commits in order.
  const insertMessage = sql`
          with bumped as (
            update channels set last_seq = last_seq + 1, last_message_at = ${literal(now.toISOString())}::timestamptz
            where id = ${literal(channelId)}::uuid returning last_seq)
          insert into messages (id, channel_id, seq, author_id, parent_id, body, handling_code, mentions, idempotency_key, created_at)
          select ${literal(messageId)}::uuid, ${literal(channelId)}::uuid, bumped.last_seq, ${literal(me)}::text, ${literal(parentId)}::uuid,
            ${literal(data.body)}::text, ${literal(data.handlingCode)}::text, ${textArray(data.mentions)}, ${literal(data.idempotencyKey)}::text,
            ${literal(now.toISOString())}::timestamptz
          from bumped
          returning seq`;
  const bumpThread = parentId
    ? sql`update messages set reply_count = reply_count + 1, last_reply_at = ${literal(now.toISOString())}::timestamptz where id = ${literal(parentId)}::uuid`
    : null;
  const stored = sql`exists (select 1 from messages where id = ${literal(messageId)}::uuid)`;
  // the audit row reads the new seq from the message row
  const auditRow = auditInsertSql(
    actor,
    now,
    {
      action: "chat.message_posted",
      targetType: "message",
      targetId: messageId,
      operationId: access.channel.operationId,
      details: {
        channelId,
        seq: new AuditSqlInteger(sql`(select seq from messages where id = ${literal(messageId)}::uuid)`),
        parentId,
        bodySha256: bodyHash(data.body),
        length: data.body.length,
        handlingCode: data.handlingCode,
        mentions: [...data.mentions].sort(),
        idempotencyKey: data.idempotencyKey,
      },
    },
    stored,
  );
  try {
    let message: MessageDto;
    if (isPostgresJs(deps.db) && data.mentions.length === 0 && access.channel.kind === "operation") {
      // Nothing to notify: the whole post is one simple-protocol query, whose statements
      // PostgreSQL runs as one transaction and commits itself. The channel's and the audit
      // chain's locks are held for the statements and the commit, never for a round trip
      // to this process (whose event loop may be busy with a fan-out). Each statement still
      // takes its own snapshot (READ COMMITTED), so the audit insert, after the lock
      // statement, sees the row the previous holder committed.
      const results = (await deps.db.execute(
        sql.join([insertMessage, ...(bumpThread ? [bumpThread] : []), AUDIT_LOCK_SQL, auditRow], sql`;\n`),
      )) as unknown as unknown[][];
      const inserted = rowsOf<{ seq: string | number }>(results[0]);
      if (!inserted[0]) throw NotFound();
      message = dtoAt(Number(inserted[0].seq));
      deps.events.publish({ name: "chat.message_posted", payload: { channelId, message } });
    } else {
      message = await withTransaction(deps, async (tx, emit) => {
        // sent together, in order, without waiting for each other (one round trip), then
        // the notifications (they name the seq). Drizzle's queries start when `then` is
        // called: the insert is started first, so it reaches the connection first.
        const insert = tx.execute(insertMessage).then((r) => rowsOf<{ seq: string | number }>(r));
        const thread = bumpThread ? tx.execute(bumpThread).then(() => undefined) : null;
        const audit = Promise.all([tx.execute(AUDIT_LOCK_SQL), tx.execute(auditRow)]);
        const [insertedR, threadR, auditR] = await Promise.allSettled([insert, thread, audit]);
        // the first statement's failure is the cause (e.g. a concurrent retry's unique key); the rest only follow it
        if (insertedR.status === "rejected") throw insertedR.reason;
        const inserted = insertedR.value;
        if (!inserted[0]) throw NotFound();
        if (threadR.status === "rejected") throw threadR.reason;
        if (auditR.status === "rejected") throw auditR.reason;
        const seq = Number(inserted[0].seq);
        await notifyChat(tx, emit, me, access.channel, { id: messageId, seq }, data.mentions);
        const dto = dtoAt(seq);
        emit({ name: "chat.message_posted", payload: { channelId, message: dto } });
        return dto;
      });
    }
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
